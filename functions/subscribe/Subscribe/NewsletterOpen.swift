import ShelfConfig
import ShelfHTTP
import ShelfStore

/// A newsletter's open pixel was loaded: the first load per (newsletter, subscriber) is
/// recorded. Every request gets the same transparent GIF, never an error page a mail program
/// would show as a broken image, not even when the database fails; a forged or altered
/// address records nothing.
enum NewsletterOpen {
    static func record(_ request: Request, _ context: FunctionContext) throws -> Response {
        let query = try? request.queryFields()
        var fields: [String: String] = [:]
        for name in ["n", "r", "sig"] { fields[name] = try? query?.optional(name) }
        if let pixel = NewsletterOpenPixel(fields: fields, key: context.secrets.sessionKey) {
            do {
                try context.store().recordNewsletterOpen(
                    newsletterID: pixel.newsletter, subscriberID: pixel.subscriber, now: context.clock.now())
            } catch {
                // The image is shown all the same: the open is lost, not the reader's email.
                context.log("subscribe: the open of newsletter \(pixel.newsletter) was not recorded: \(error)")
            }
        } else {
            context.log("subscribe: an open pixel not signed by this store; nothing recorded")
        }
        return Response(
            headers: [("Content-Type", "image/gif"), ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer")],
            body: NewsletterOpenPixel.image)
    }
}
