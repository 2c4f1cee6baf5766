import CCmark
import Foundation
import Glibc

/// CommonMark rendering through libcmark. The only file that calls `cmark_*`.
enum Markdown {
    /// The body as HTML plus the text of its first paragraph (for summaries and meta descriptions).
    ///
    /// Raw HTML in the Markdown is left out (cmark's safe mode): content files hold prose, and the
    /// theme holds the markup.
    static func render(_ markdown: String) -> (html: String, summary: String) {
        // cmark has no tables; pipe tables are set aside, rendered here, and put back.
        let (text, tables) = MarkdownTables.extract(markdown)
        var (html, summary) = renderCommonMark(text)
        for (index, table) in tables.enumerated() {
            html = html.replacingOccurrences(of: "<p>\(MarkdownTables.placeholder(index))</p>", with: table.html { renderInline($0) })
        }
        return (html, summary)
    }

    /// One line of Markdown as inline HTML, without the paragraph around it.
    static func renderInline(_ markdown: String) -> String {
        var html = renderCommonMark(markdown).html.trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    private static func renderCommonMark(_ markdown: String) -> (html: String, summary: String) {
        let options = CMARK_OPT_SMART
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return ("", "")
        }
        defer { cmark_node_free(document) }
        let summary = firstParagraphText(of: document)
        guard let rendered = cmark_render_html(document, options) else { return ("", summary) }
        defer { free(rendered) }
        return (String(cString: rendered), summary)
    }

    /// Plain text of the first paragraph: the text, code and line-break leaves, in order.
    private static func firstParagraphText(of document: OpaquePointer) -> String {
        var node = cmark_node_first_child(document)
        while let current = node, cmark_node_get_type(current) != CMARK_NODE_PARAGRAPH {
            node = cmark_node_next(current)
        }
        guard let paragraph = node, let iterator = cmark_iter_new(paragraph) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let leaf = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(leaf) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(leaf) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
