import Foundation
import ShelfStore

/// The open pixel's `<img>` in a newsletter's HTML, its address a placeholder that delivery
/// fills with the recipient's signed ``NewsletterOpenPixel`` address.
enum NewsletterOpenTag {
    static let tag =
        "<img src=\"\(NewsletterIssue.openPlaceholder)\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\">"

    /// `html` with the pixel at the end of its body (or at the end, without a `</body>`).
    static func insert(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }
}
