import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The review form behind a buyer's signed link: one review per order line, written, edited or
/// deleted there. Nothing is stored unless the link is genuine, unexpired, names a delivered
/// line of a product still sold (else 410), and the form carries the token derived from that
/// link: no cookie is needed, so a browser that refuses cookies can review too.
enum ReviewForm {
    /// Room for 5,000 characters of any script, percent-encoded, with the other fields; a body
    /// far beyond it is refused with a 413 before it is read.
    static let bodyLimit = 65_536

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let link = try ReviewLink.verified(try request.queryFields(), key: context.secrets.sessionKey, now: context.clock.now())
        let line = try reviewable(link, store)
        var fields = ReviewFormPage.fields(of: line)
        fields["done"] = try request.queryFields().optional("done")
        return try ReviewFormPage(link: link, line: line, fields: fields).response(context)
    }

    static func save(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, link, line, store) = try checked(request, context)
        var fields: [String: String] = [:]
        for name in ["rating", "title", "body", "fit", "name"] { fields[name] = try form.optional(name) ?? "" }
        let draft: ReviewDraft
        do {
            draft = try ReviewDraft(fields: fields, asksFit: line.asksFit(context.config.reviews.fitQuestion))
        } catch {
            return try ReviewFormPage(link: link, line: line, fields: fields, problems: error.byField, status: 422)
                .response(context)
        }
        let approved = context.config.reviews.moderation == .post
        try refusing {
            try store.saveReview(draft, orderID: line.orderID, line: line.line, approvedAtOnce: approved, now: context.clock.now())
        }
        return .redirect(to: link.path(key: context.secrets.sessionKey) + "&done=saved")
    }

    static func delete(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (_, link, line, store) = try checked(request, context)
        try refusing { try store.deleteReview(orderID: line.orderID, line: line.line) }
        return .redirect(to: link.path(key: context.secrets.sessionKey) + "&done=deleted")
    }

    /// The form's fields, its link and line, after the link's signature, the line's delivery and
    /// the link's form token.
    private static func checked(_ request: Request, _ context: FunctionContext) throws -> (Fields, ReviewLink, ReviewableLine, Store) {
        let store = try context.store()
        let form = try request.fields()
        let link = try ReviewLink.verified(form, key: context.secrets.sessionKey, now: context.clock.now())
        let line = try reviewable(link, store)
        try link.checkFormToken(form, key: context.formTokenKey)
        return (form, link, line, store)
    }

    /// The order line a genuine link names, once its order is delivered.
    private static func reviewable(_ link: ReviewLink, _ store: Store) throws -> ReviewableLine {
        guard let line = try store.reviewableLine(orderID: link.order.id, line: link.line) else {
            throw HTTPError(
                404, "This review link is not valid. Use the link in your delivery email or on your order page.",
                log: "no line \(link.line) in order \(link.order)")
        }
        guard line.isDelivered else {
            throw HTTPError(409, "You can review this once your order has been delivered.", log: "order \(link.order) not delivered")
        }
        guard line.isSold else { throw notSold }
        if line.review?.status == .rejected { throw rejected }
        return line
    }

    private static let notSold = HTTPError(
        410, "This product is no longer sold, so it can no longer be reviewed here. Your order is not affected.",
        log: "review link of a product no longer sold")

    private static let rejected = HTTPError(409, "The shop declined this review, so it can no longer be changed.", log: "rejected review")

    /// Runs a store change, turning a refusal into the page that explains it.
    private static func refusing(_ change: () throws -> Void) throws {
        do {
            try change()
        } catch ReviewError.rejected {
            throw rejected
        } catch ReviewError.notSold {
            throw notSold
        } catch ReviewError.notReviewable {
            throw HTTPError(409, "You can review this once your order has been delivered.", log: "line not reviewable")
        }
    }
}
