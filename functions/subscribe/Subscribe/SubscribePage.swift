import ShelfHTTP

/// Renders one of the subscribe templates inside the store's layout, its values under
/// `subscribe`. The pages need no session: sign-up is one field, and the other pages are
/// opened by the signed token of their link.
struct SubscribePage {
    var template: String
    var title: String
    var path: String
    var values: [String: Any] = [:]
    var status = 200

    func response(_ context: FunctionContext) throws -> Response {
        let html = try context.pages().render(template, title: title, path: path, values: ["subscribe": values])
        return Response.html(html, status: status)
    }

    /// A page that only says something: a heading, a sentence, and a link onwards.
    static func message(_ title: String, _ text: String, status: Int = 200) -> SubscribePage {
        SubscribePage(
            template: "subscribe-message", title: title, path: "/fn/subscribe", values: ["heading": title, "text": text], status: status)
    }

    /// The answer to a link that is unknown, used, expired or forged, whatever the reason.
    static var linkProblem: SubscribePage {
        message(
            "This link no longer works",
            "The link is not valid, has expired or was already used. You can sign up again from the form at the bottom of every page.",
            status: 404)
    }
}
