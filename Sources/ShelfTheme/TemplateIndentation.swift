import Foundation

/// The leading indentation of a theme's HTML templates, which the pages do not need.
///
/// Themes are written indented for people to read; the browser collapses the indentation with the
/// line break before it, so the build and the functions drop it when they load a template, and the
/// pages keep only the line breaks. Lines inside `<pre>` and `<textarea>`, where white space shows, are kept.
///
/// ```swift
/// TemplateIndentation.removed(from: "<ul>\n  <li>{{name}}</li>\n</ul>\n")  // "<ul>\n<li>{{name}}</li>\n</ul>\n"
/// ```
public enum TemplateIndentation {
    /// `text` with the spaces and tabs at the start of each line removed, outside `<pre>` and `<textarea>`.
    public static func removed(from text: String) -> String {
        var kept = ""
        kept.reserveCapacity(text.utf8.count)
        var preserving: Substring? = nil  // the closing tag awaited while white space shows
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { kept += "\n" }
            kept += preserving == nil ? line.drop { $0 == " " || $0 == "\t" } : line
            preserving = state(after: line, preserving: preserving)
        }
        return kept
    }

    private static let preservingElements = ["pre", "textarea"]

    /// Whether white space still shows after `line`: the closing tag then awaited, or nil.
    private static func state(after line: Substring, preserving: Substring?) -> Substring? {
        var awaited = preserving
        var rest = line.lowercased()[...]
        while true {
            if let closing = awaited {
                guard let end = rest.range(of: "</" + closing) else { return awaited }
                rest = rest[end.upperBound...]
                awaited = nil
            } else {
                let opened = preservingElements.compactMap { name in rest.range(of: "<" + name).map { (name, $0) } }
                    .filter { name, range in
                        let next = rest[range.upperBound...].first
                        return next == nil || next == ">" || next == " " || next == "\t"
                    }
                    .min { $0.1.lowerBound < $1.1.lowerBound }
                guard let (name, range) = opened else { return nil }
                rest = rest[range.upperBound...]
                awaited = Substring(name)
            }
        }
    }
}
