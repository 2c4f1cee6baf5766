import Foundation
import ShelfHTTP
import ShelfStore

/// One recipient's copy of a newsletter: the issue's placeholders filled with that
/// subscriber's signed click links, unsubscribe and preference links, and open pixel (when
/// the newsletter was sent with one).
struct NewsletterCopy {
    var html: String
    var text: String
    /// The one-click unsubscribe address.
    var unsubscribe: String

    /// The copy for `subscriber`, its links under `baseURL`, signed with `key`.
    init(_ issue: NewsletterIssue, for subscriber: Subscriber, baseURL: String, key: [UInt8]) {
        let token = SubscriberLink.token(for: subscriber, key: key)
        unsubscribe = baseURL + SubscriberLink.unsubscribePath(token)
        var values = [
            NewsletterIssue.unsubscribePlaceholder: unsubscribe,
            NewsletterIssue.preferencesPlaceholder: baseURL + SubscriberLink.preferencesPath(token),
            NewsletterIssue.openPlaceholder: baseURL + NewsletterOpenPixel(newsletter: issue.id, subscriber: subscriber.id).path(key: key),
        ]
        for (index, link) in issue.links.enumerated() {
            let click = NewsletterClickLink(newsletter: issue.id, subscriber: subscriber.id, section: link.section, target: link.target)
            values[NewsletterIssue.linkPlaceholder(index)] = baseURL + click.path(key: key)
        }
        html = Self.fill(issue.html, values, escape: true)
        text = Self.fill(issue.text, values, escape: false)
    }

    /// A copy with plain links and no subscriber, for `shelf newsletter preview`.
    init(previewHTML html: String, text: String, links: [NewsletterLink], baseURL: String) {
        unsubscribe = baseURL + "/fn/subscribe"
        var values = [
            NewsletterIssue.unsubscribePlaceholder: unsubscribe, NewsletterIssue.preferencesPlaceholder: baseURL + "/fn/subscribe",
        ]
        for (index, link) in links.enumerated() { values[NewsletterIssue.linkPlaceholder(index)] = baseURL + link.target }
        self.html = Self.fill(html, values, escape: true)
        self.text = Self.fill(text, values, escape: false)
    }

    /// `template` with every `@@shelf-…@@` placeholder replaced by its value.
    private static func fill(_ template: String, _ values: [String: String], escape: Bool) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + 2048)
        var rest = Substring(template)
        while let start = rest.range(of: "@@shelf-"), let end = rest[start.upperBound...].range(of: "@@") {
            out += rest[..<start.lowerBound]
            let name = String(rest[start.lowerBound..<end.upperBound])
            if let value = values[name] {
                out += escape ? value.replacingOccurrences(of: "&", with: "&amp;") : value
            } else {
                out += name
            }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
