import Foundation
import ShelfCore

/// The `/_dev/mail` pages: the list, one message with its text part, and its HTML part for a
/// sandboxed frame.
extension DevMailbox {
    /// What the HTML part's frame may do besides showing the part: a click on a link opens it in
    /// the mailbox's window, as a mail program opens it in the browser. (The store's pages refuse
    /// to be framed, so a link opened inside the frame shows an error.) It never runs script.
    static let frameSandbox = "allow-top-navigation-by-user-activation"

    func listPage() -> String {
        let rows = messages().map { message in
            "<tr><td>\(Markup.escape(message.headers["date"] ?? ""))</td><td>\(Markup.escape(message.headers["to"] ?? ""))</td>"
                + "<td><a href=\"/_dev/mail/\(message.name)\">\(Markup.escape(message.subject))</a></td></tr>"
        }
        let table =
            rows.isEmpty
            ? "<p>No emails yet. Place an order: its emails appear here.</p>"
            : "<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>\(rows.joined())</tbody></table>"
        return Self.page(
            "Dev mailbox", "<h1>Dev mailbox</h1><p>Emails the store sent, newest first (\(Markup.escape(folder))).</p>\(table)")
    }

    func messagePage(_ message: Message) -> String {
        let fields = ["from", "to", "subject", "date", "message-id"].map { name in
            "<dt>\(name.capitalized)</dt><dd>\(Markup.escape(message.headers[name] ?? ""))</dd>"
        }
        let html =
            message.html == nil
            ? ""
            : "<h2>HTML</h2><iframe sandbox=\"\(Self.frameSandbox)\" src=\"/_dev/mail/\(message.name)/html\" title=\"The HTML part\"></iframe>"
        return Self.page(
            message.subject,
            "<p><a href=\"/_dev/mail\">← All emails</a></p><h1>\(Markup.escape(message.subject))</h1><dl>\(fields.joined())</dl>"
                + "<h2>Text</h2><pre>\(Self.linked(message.text))</pre>\(html)")
    }

    /// The text part, escaped, with each web address in it made a link: a newcomer follows an
    /// email's confirm, unlock or reset link with one click, as in a mail program. A full stop
    /// or bracket that ends a sentence is left outside the link.
    static func linked(_ text: String) -> String {
        var page = ""
        var rest = text[...]
        while let match = rest.firstMatch(of: #/https?://[^\s<>"]*[^\s<>".,;:!?)]/#) {
            let address = Markup.escape(String(match.output))
            page += Markup.escape(String(rest[..<match.range.lowerBound])) + "<a href=\"\(address)\">\(address)</a>"
            rest = rest[match.range.upperBound...]
        }
        return page + Markup.escape(String(rest))
    }

    /// The HTML part as its frame shows it: with a `<base target="_top">`, so that its links
    /// open in the mailbox's window.
    static func framed(_ html: String) -> String {
        let base = "<base target=\"_top\">"
        guard let head = html.range(of: "<head>", options: .caseInsensitive) else { return base + html }
        return html.replacingCharacters(in: head, with: html[head] + base)
    }

    private static func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(Markup.escape(title))</title><style>
        body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}
        td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:1rem}
        dt{font-weight:bold}dd{margin:0 0 .4rem}iframe{width:100%;height:640px;border:1px solid #ddd}
        </style></head><body>\(body)</body></html>
        """
    }
}
