import Foundation
import Mustache
import ShelfCore

/// A theme's Mustache templates, parsed and ready to render: the one place where template text
/// becomes swift-mustache templates, for the build and the functions alike, so a page escapes
/// the same way whichever of the two renders it.
///
/// ```swift
/// var templates = TemplateSet()
/// try templates.add("partials/card", text: "<h3>{{title}}</h3>\n")
/// templates.render("partials/card", ["title": "Tee & co"])  // "<h3>Tee &amp; co</h3>\n"
/// ```
public struct TemplateSet: Sendable {
    /// A template that cannot be parsed: the line of its file, when known, and what is wrong.
    public struct SyntaxError: Error, Sendable {
        public let line: Int?
        public let message: String
    }

    private var library = MustacheLibrary()

    public init() {}

    /// Parses `text` as the template `name` (`partials/card` for `partials/card.mustache`).
    /// `{{name}}` escapes its value for HTML; a `{{% CONTENT_TYPE: TEXT}}` template does not.
    public mutating func add(_ name: String, text: String) throws(SyntaxError) {
        do {
            library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw SyntaxError(
                line: error.context.lineNumber - 1, message: "\(Self.describe(error.error)) near `\(error.context.line.trimmingSpaces)`")
        } catch {
            throw SyntaxError(line: nil, message: "\(error)")
        }
    }

    /// The template rendered with `values`, or nil when no template has that name.
    public func render(_ name: String, _ values: Any) -> String? {
        library.render(values, withTemplate: name)
    }

    /// The `{{> name}}` tags of a template's text, with their lines.
    public static func partialReferences(in text: String) -> [(line: Int, name: String)] {
        var found: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                found.append((index + 1, String(after[..<close.lowerBound]).trimmingSpaces))
                rest = after[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is opened but never closed with {{/name}}"
        default: "\(error)"
        }
    }
}
