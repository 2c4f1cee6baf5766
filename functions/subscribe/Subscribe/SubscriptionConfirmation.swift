import ShelfConfig
import ShelfHTTP
import ShelfStore

/// The link of the confirmation email: confirms the sign-up once.
enum SubscriptionConfirmation {
    static func follow(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let hash = try AccountLink.hash(in: try request.queryFields()),
            let (subscriber, asked) = try context.store().confirmSubscription(tokenHash: hash, now: context.clock.now())
        else {
            return try SubscribePage.linkProblem.response(context)
        }
        context.log("subscribe: subscriber \(subscriber.id) confirmed")
        context.record(AnalyticsEvent(.subscribed, detail: asked.sku == nil ? "newsletter" : "back-in-stock"), for: request)
        let token = SubscriberLink.token(for: subscriber, key: context.secrets.sessionKey)
        var page =
            asked.sku == nil
            ? SubscribePage.message(
                "You are subscribed",
                "Thank you for confirming your email address. Every email we send has a link to change what you get or to unsubscribe.")
            : SubscribePage.message(
                "We will email you when it's back",
                "Thank you for confirming your email address. We send one email as soon as this item is in stock again.")
        page.values["link"] = ["href": SubscriberLink.preferencesPath(token), "label": "Choose what you get"]
        return try page.response(context)
    }
}
