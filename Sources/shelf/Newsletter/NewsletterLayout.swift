import Foundation
import ShelfHTTP
import ShelfSite
import ShelfStore

/// Puts a newsletter's body into the theme's email layout (`emails/newsletter.html` and
/// `emails/newsletter.text`), keeping the per-recipient placeholders for delivery to fill.
struct NewsletterLayout {
    let pages: ThemePages

    /// The subject (from the text template's `Subject:` line), the HTML and the text.
    func render(_ newsletter: Newsletter) throws -> (subject: String, html: String, text: String) {
        var values: [String: Any] = [
            "subject": newsletter.subject, "preheader": newsletter.preheader,
            "unsubscribe": NewsletterIssue.unsubscribePlaceholder, "preferences": NewsletterIssue.preferencesPlaceholder,
        ]
        values["body"] = newsletter.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try pages.fragment("emails/newsletter.text", values: ["newsletter": values])
        values["body"] = newsletter.html
        let html = try pages.fragment("emails/newsletter.html", values: ["newsletter": values])
        let (subject, body) = try OrderEmails.split(text, template: "newsletter")
        return (subject, html, body)
    }
}
