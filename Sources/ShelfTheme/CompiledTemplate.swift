/// A Mustache template turned into a tree that renders straight into bytes: what ``TemplateSet``
/// renders with, once swift-mustache has parsed the same text and found no error in it.
///
/// It covers the Mustache every theme uses (variables, sections, inverted sections, comments,
/// partials, dotted names, `{{.}}`, the `CONTENT_TYPE` pragma) and gives the very bytes
/// swift-mustache gives, standalone lines and partial indentation included. A template that uses
/// anything else (set delimiters, inheritance, transforms, dynamic partials) is not compiled, and
/// its set renders with swift-mustache as before.
struct CompiledTemplate: Sendable {
    /// One piece of a template.
    enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial by name; `indentation` when its tag stood alone on its line.
        case partial(String, indentation: [UInt8]?)
        /// `{{% CONTENT_TYPE: …}}`: whether `{{name}}` escapes from here to the end of the block.
        case escaping(Bool)
    }

    /// A variable's name, split at its dots once, when the template is compiled.
    struct Name: Sendable {
        let parts: [String]
        /// `{{.}}`: the current value itself.
        let isCurrent: Bool
        /// A name starting with a dot (`{{.title}}`) looks in the current value only.
        let isAnchored: Bool

        init(_ text: String) {
            isCurrent = text == "."
            isAnchored = !isCurrent && text.first == "."
            parts = text.split(separator: ".").map(String.init)
        }
    }

    let nodes: [Node]
}
