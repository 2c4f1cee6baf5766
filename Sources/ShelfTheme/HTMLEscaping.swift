import Mustache
import ShelfCore

/// The escaping of `{{name}}` in every theme template: the same five character references as
/// swift-mustache's own HTML escaping, computed on bytes, and no copy when there is nothing to
/// escape. swift-mustache's walks the text Character by Character, which was a tenth of a
/// full build's time.
struct HTMLEscaping: MustacheContentType {
    /// Put on a line of its own before a template's text: a standalone pragma line renders
    /// nothing, so the output is unchanged, and error lines are one more than the file's.
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    /// The content type's name in the pragma.
    static let name = "SHELF_HTML"

    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Markup.escape(text)
    }
}
