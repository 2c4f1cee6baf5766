import ShelfConfig
import ShelfHTTP
import ShelfStore

/// The preference page of one subscriber, opened by the signed link of an email: a checkbox per
/// topic of `shelf.toml`, and a button that unsubscribes from everything.
enum Preferences {
    static let wording = "Choose the emails you want to get from us."

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let (subscriber, token) = try Unsubscribe.signed(request, context), subscriber.confirmedAt != nil else {
            return try SubscribePage.linkProblem.response(context)
        }
        return try page(subscriber, token, context).response(context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let (subscriber, token) = try Unsubscribe.signed(request, context), subscriber.confirmedAt != nil else {
            return try SubscribePage.linkProblem.response(context)
        }
        let fields = try request.fields()
        let store = try context.store()
        let now = context.clock.now()
        if try fields.optional("unsubscribe") != nil {
            try store.unsubscribe(subscriber.id, now: now)
            return try SubscribePage.message(
                "You are unsubscribed", "\(subscriber.email) will get no more newsletters or back-in-stock emails from us."
            ).response(context)
        }
        let known = Set(context.config.newsletterTopics.map(\.id))
        let chosen = fields.values("topic")
        guard chosen.allSatisfy(known.contains) else {
            throw HTTPError(400, "One of the chosen newsletters does not exist.", log: "unknown topic in preferences")
        }
        guard let saved = try store.setTopics(chosen, of: subscriber.id, source: "preferences", wording: wording, now: now) else {
            return try SubscribePage.linkProblem.response(context)
        }
        var page = page(saved, token, context)
        page.values["saved"] = true
        return try page.response(context)
    }

    private static func page(_ subscriber: Subscriber, _ token: String, _ context: FunctionContext) -> SubscribePage {
        let subscribed = subscriber.status == .confirmed
        let topics = context.config.newsletterTopics.map { topic -> [String: Any] in
            ["id": topic.id, "name": topic.name, "checked": subscribed && subscriber.topics.contains(topic.id)]
        }
        return SubscribePage(
            template: "subscribe-preferences", title: "Your email preferences", path: "/fn/subscribe/preferences",
            values: [
                "email": subscriber.email, "topics": topics, "wording": wording, "action": SubscriberLink.preferencesPath(token),
                "unsubscribed": !subscribed,
            ])
    }
}
