import ShelfConfig
import ShelfHTTP
import ShelfStore

/// A link followed from a newsletter: the signed redirect records the click (newsletter,
/// subscriber, section) and sends the reader to the store page it names. A forged or altered
/// link, or one that names anything but a path of this store (another host, `//host`,
/// `javascript:`), is a 404 page and records nothing.
enum NewsletterClick {
    static func follow(_ request: Request, _ context: FunctionContext) throws -> Response {
        let query = try request.queryFields()
        var fields: [String: String] = [:]
        for name in ["n", "r", "s", "to", "sig"] { fields[name] = try query.optional(name) }
        guard let link = NewsletterClickLink(fields: fields, key: context.secrets.sessionKey) else {
            context.log("subscribe: refused a newsletter link that is not signed by this store")
            return try SubscribePage.linkProblem.response(context)
        }
        let recorded = try context.store().recordNewsletterClick(
            newsletterID: link.newsletter, subscriberID: link.subscriber, section: link.section, target: link.target,
            now: context.clock.now())
        if !recorded {
            context.log("subscribe: newsletter \(link.newsletter) or subscriber \(link.subscriber) is gone; click not recorded")
        }
        var response = Response.redirect(to: link.target)
        response.setHeader("Cache-Control", "no-store")
        response.setHeader("Referrer-Policy", "no-referrer")
        return response
    }
}
