import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The review form as the `review-form` template shows it: the product, the stars as a radio
/// group, title, text, the fit question (for sized products, or the store's `fit_categories`),
/// the display name, each field's problem beside it, and a delete button once a review exists.
struct ReviewFormPage {
    var link: ReviewLink
    var line: ReviewableLine
    /// What the fields hold: the buyer's last input, the saved review, or the defaults.
    var fields: [String: String]
    var problems: [String: String] = [:]
    var status = 200

    /// The saved review's fields, or the defaults (the buyer's first name and initial).
    static func fields(of line: ReviewableLine) -> [String: String] {
        guard let review = line.review else { return ["name": ReviewDraft.defaultName(for: line.buyerName)] }
        return [
            "rating": String(review.rating), "title": review.title, "body": review.body, "fit": review.fit?.rawValue ?? "",
            "name": review.displayName,
        ]
    }

    func response(_ context: FunctionContext) throws -> Response {
        let values = self.values(
            key: context.secrets.sessionKey, token: link.formToken(key: context.formTokenKey), fit: context.config.reviews.fitQuestion)
        let html = try context.pages().render(
            "review-form", title: "Review \(line.title)", path: "/fn/reviews/write", values: ["review": values])
        var response = Response.html(html, status: status)
        response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// The template's values; the fit question shows when the store's `fit` rule asks it of the
    /// product. `key` signs the link; `token` is the link's form token.
    func values(key: [UInt8], token: String, fit: FitQuestion) -> [String: Any] {
        let rating = fields["rating"] ?? ""
        var values: [String: Any] = [
            "product": line.title, "options": line.options, "order": link.order.description, "line": String(link.line),
            "expires": String(link.expires), "sig": link.signature(key: key), "token": token,
            "title": fields["title"] ?? "",
            "body": fields["body"] ?? "", "name": fields["name"] ?? "", "title_limit": ReviewDraft.titleLimit,
            "body_limit": ReviewDraft.bodyLimit, "name_limit": ReviewDraft.nameLimit, "is_edit": line.review != nil,
            "stars": (1...5).reversed().map { stars -> [String: Any] in
                [
                    "value": String(stars), "label": stars == 1 ? "1 star" : "\(stars) stars", "checked": rating == String(stars),
                    "glyphs": String(repeating: "★", count: stars) + String(repeating: "☆", count: 5 - stars),
                ]
            },
        ]
        if line.asksFit(fit) {
            let fit = fields["fit"] ?? ""
            values["fit"] = [
                ("", "No answer"), ("small", "Runs small"), ("true", "True to size"), ("large", "Runs large"),
            ].map { value, label -> [String: Any] in
                ["value": value, "id": value.isEmpty ? "none" : value, "label": label, "checked": fit == value]
            }
            values["has_fit"] = true
        }
        for (field, message) in problems { values["\(field)_error"] = message }
        if !problems.isEmpty {
            let order = ["rating", "title", "body", "fit", "name"]
            values["has_errors"] = true
            values["errors"] = order.compactMap { field in problems[field].map { ["field": field, "message": $0] } }
        }
        switch fields["done"] {
        case "saved":
            values["notice"] =
                line.review?.status == .approved
                ? "Thank you! Your review is published and appears on the product page shortly."
                : "Thank you! Your review appears on the product page once the shop has checked it."
        case "deleted":
            values["notice"] = "Your review was deleted."
        default: break
        }
        return values
    }
}
