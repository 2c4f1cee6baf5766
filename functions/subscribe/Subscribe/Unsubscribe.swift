import ShelfConfig
import ShelfHTTP
import ShelfStore

/// Unsubscribing from the link of an email. A GET only shows a button, because link scanners
/// and previews open every link; the POST unsubscribes — from that button, or straight from a
/// mail provider (RFC 8058: `List-Unsubscribe=One-Click`, no cookie, no form token). It is
/// idempotent and answers 200 with a page, never a redirect, which providers do not follow.
enum Unsubscribe {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let (subscriber, token) = try signed(request, context) else { return try SubscribePage.linkProblem.response(context) }
        return try SubscribePage(
            template: "subscribe-unsubscribe", title: "Unsubscribe", path: "/fn/subscribe/unsubscribe",
            values: ["email": subscriber.email, "action": SubscriberLink.unsubscribePath(token)]
        ).response(context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let (subscriber, _) = try signed(request, context) else { return try SubscribePage.linkProblem.response(context) }
        try context.store().unsubscribe(subscriber.id, now: context.clock.now())
        context.log("subscribe: subscriber \(subscriber.id) unsubscribed")
        return try SubscribePage.message(
            "You are unsubscribed", "\(subscriber.email) will get no more newsletters or back-in-stock emails from us."
        ).response(context)
    }

    /// The subscriber of the request's signed `token`, and the token; nil when it is missing,
    /// malformed or forged.
    static func signed(_ request: Request, _ context: FunctionContext) throws -> (Subscriber, String)? {
        guard let token = try request.queryFields().optional("token"),
            let subscriber = try SubscriberLink.subscriber(for: token, in: try context.store(), key: context.secrets.sessionKey)
        else { return nil }
        return (subscriber, token)
    }
}
