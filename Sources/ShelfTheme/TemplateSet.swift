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
    /// The same templates compiled (``CompiledTemplate``); nil once one of them uses a construct
    /// only swift-mustache renders, and then swift-mustache renders the whole set.
    private var compiled: [String: CompiledTemplate]? = [:]

    public init() {}

    /// Parses `text` as the template `name` (`partials/card` for `partials/card.mustache`).
    /// `{{name}}` escapes its value for HTML; a `{{% CONTENT_TYPE: TEXT}}` template does not.
    public mutating func add(_ name: String, text: String) throws(SyntaxError) {
        do {
            let text = HTMLEscaping.pragma + text
            library.register(try MustacheTemplate(string: text), named: name)
            compiled?[name] = CompiledTemplate(parsing: text)
            if compiled?[name] == nil { compiled = nil }
        } catch let error as MustacheTemplate.ParserError {
            throw SyntaxError(
                line: error.context.lineNumber - 1, message: "\(Self.describe(error.error)) near `\(error.context.line.trimmingSpaces)`")
        } catch {
            throw SyntaxError(line: nil, message: "\(error)")
        }
    }

    /// The template rendered with `values`, or nil when no template has that name.
    public func render(_ name: String, _ values: Any) -> String? {
        guard let compiled else { return library.render(values, withTemplate: name) }
        return renderBytes(name, values, compiled).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The template rendered with `values` as UTF-8 bytes, or nil when no template has that name;
    /// `capacity` is how many bytes to make room for at once.
    public func renderBytes(_ name: String, _ values: Any, capacity: Int = 4096) -> [UInt8]? {
        guard let compiled else { return library.render(values, withTemplate: name).map { Array($0.utf8) } }
        return renderBytes(name, values, compiled, capacity: capacity)
    }

    /// The template rendered by swift-mustache, whatever the set: what the compiled renderer is
    /// checked against.
    func renderWithSwiftMustache(_ name: String, _ values: Any) -> String? {
        library.render(values, withTemplate: name)
    }

    /// Whether the set renders with its compiled templates.
    var isCompiled: Bool { compiled != nil }

    private func renderBytes(_ name: String, _ values: Any, _ compiled: [String: CompiledTemplate], capacity: Int = 4096) -> [UInt8]? {
        guard let template = compiled[name] else { return nil }
        var rendering = TemplateRendering(templates: compiled, values: values, capacity: capacity)
        rendering.render(template.nodes, escaping: true, indentation: [])
        return rendering.output
    }

    /// The `{{> name}}` tags of a template's text, with their lines.
    ///
    /// A tag is found when it closes on the line it opens on, as `range(of:)` on split lines
    /// found it; the scan is over UTF-8 bytes because every build reads every template's tags
    /// for the fingerprints, and Foundation's search took a tenth of a build told what changed.
    /// Lines end at every line feed, so a CRLF template's tags carry their own lines too.
    public static func partialReferences(in text: String) -> [(line: Int, name: String)] {
        var found: [(Int, String)] = []
        var text = text
        text.withUTF8 { bytes in
            let (newline, brace, greater, closing) = (UInt8(ascii: "\n"), UInt8(ascii: "{"), UInt8(ascii: ">"), UInt8(ascii: "}"))
            var line = 1
            var index = 0
            while index < bytes.count {
                if bytes[index] == newline {
                    line += 1
                    index += 1
                    continue
                }
                guard bytes[index] == brace, index + 2 < bytes.count, bytes[index + 1] == brace, bytes[index + 2] == greater else {
                    index += 1
                    continue
                }
                // The first `}}` on the same line closes the tag; a tag left open there is no tag.
                var close = index + 3
                while close + 1 < bytes.count, bytes[close] != newline, !(bytes[close] == closing && bytes[close + 1] == closing) {
                    close += 1
                }
                guard close + 1 < bytes.count, bytes[close] == closing, bytes[close + 1] == closing else {
                    index = close
                    continue
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 3)..<close]), as: UTF8.self)
                found.append((line, name.trimmingSpaces))
                index = close + 2
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
