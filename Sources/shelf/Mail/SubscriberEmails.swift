import ShelfConfig
import ShelfHTTP
import ShelfMail
import ShelfStore

/// Renders the mailing list's emails: the sign-up confirmation (`emails/subscribe-confirm.*`,
/// with the single-use link derived from the row's nonce, as ``AccountLink`` does) and the
/// back-in-stock email (`emails/back-in-stock.*`, with the product's link and the subscriber's
/// signed unsubscribe and preference links, the former also in the `List-Unsubscribe` headers).
struct SubscriberEmails: Sendable {
    let store: Store
    let pages: ThemePages
    let config: StoreConfig
    let sessionKey: [UInt8]

    func render(_ message: OutboxMessage) throws -> RenderedEmail {
        var values: [String: Any] = ["email": message.recipient, "title": message.data["title"] ?? message.data["sku"] ?? ""]
        var listUnsubscribe: ListUnsubscribe?
        switch message.email {
        case .subscribeConfirm:
            guard let nonce = message.data["nonce"] else { throw MailRenderError("\(message.email.rawValue) \(message.key) has no link") }
            values["link"] = config.baseURL + "/fn/subscribe/confirm?token=" + AccountLink.secret(nonce: nonce, key: sessionKey)
            values["back_in_stock"] = message.data["sku"] != nil
        default:
            guard let id = message.data["subscriber"].flatMap({ Int64($0) }), let subscriber = try store.subscriber(id: id) else {
                throw MailRenderError("\(message.email.rawValue) \(message.key) names no subscriber")
            }
            let token = SubscriberLink.token(for: subscriber, key: sessionKey)
            let unsubscribe = config.baseURL + SubscriberLink.unsubscribePath(token)
            values["unsubscribe"] = unsubscribe
            values["preferences"] = config.baseURL + SubscriberLink.preferencesPath(token)
            values["product_url"] = config.baseURL + (message.data["handle"].map { "/products/\($0)/" } ?? "/")
            // RFC 8058 asks for HTTPS; a store served over plain HTTP (development) sends the
            // links in the body only.
            listUnsubscribe = try? ListUnsubscribe(url: unsubscribe)
        }
        let template = "emails/\(message.email.rawValue)"
        let text = try pages.fragment(template + ".text", values: ["subscribe": values])
        let html = try pages.fragment(template + ".html", values: ["subscribe": values])
        let (subject, body) = try OrderEmails.split(text, template: message.email.rawValue)
        return RenderedEmail(subject: subject, text: body, html: html, recipientName: nil, listUnsubscribe: listUnsubscribe)
    }
}
