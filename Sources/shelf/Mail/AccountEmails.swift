import ShelfConfig
import ShelfHTTP
import ShelfMail
import ShelfStore

/// Renders the outbox's account emails (`emails/account-*.mustache`) with the account's name
/// and, for the confirm, unlock and reset emails, the single-use link derived from the row's
/// nonce (``AccountLink``), or for the sign-in code email, the code (``SignInCode``).
struct AccountEmails: Sendable {
    let pages: ThemePages
    let config: StoreConfig
    let sessionKey: [UInt8]

    func render(_ message: OutboxMessage) throws -> RenderedEmail {
        let name = message.data["name"] ?? ""
        var account: [String: Any] = ["name": name, "email": message.recipient]
        if let purpose = Self.purposes[message.email] {
            guard let nonce = message.data["nonce"] else { throw MailRenderError("\(message.email.rawValue) \(message.key) has no link") }
            account["link"] = config.baseURL + AccountLink.path(purpose, secret: AccountLink.secret(nonce: nonce, key: sessionKey))
        }
        if message.email == .accountCode {
            guard let nonce = message.data["nonce"] else { throw MailRenderError("\(message.email.rawValue) \(message.key) has no code") }
            account["code"] = SignInCode.code(nonce: nonce, key: sessionKey)
        }
        let template = "emails/\(message.email.rawValue)"
        let text = try pages.fragment(template + ".text", values: ["account": account])
        let html = try pages.fragment(template + ".html", values: ["account": account])
        let (subject, body) = try OrderEmails.split(text, template: message.email.rawValue)
        return RenderedEmail(subject: subject, text: body, html: html, recipientName: name)
    }

    /// The emails that carry a link, and what the link does.
    static let purposes: [Email: AccountToken.Purpose] = [
        .accountConfirm: .confirm, .accountUnlock: .unlock, .accountReset: .reset, .accountEmailConfirm: .email,
    ]
}
