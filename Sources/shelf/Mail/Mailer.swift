import ShelfConfig
import ShelfHTTP
import ShelfMail
import ShelfStore

/// Everything `shelf mail deliver` and `shelf serve` need to send the outbox of one store: its
/// transport, sender, retry policy and the theme's email templates.
struct Mailer {
    let delivery: OutboxDelivery
    /// Where `delivery` sends, for a message sent outside the outbox (a newsletter preview).
    let transport: any MailTransport
    let settings: MailSettings
    /// The folder the folder transport writes to.
    let folderPath: String

    /// Reads the store's `[mail]` settings, secrets and theme; a failure names what to fix.
    ///
    /// - Parameter baseURL: where the emails' links point instead of `base_url`: `shelf serve`
    ///   passes its own address, so a link followed in development stays on the dev server.
    /// - Parameter rate: at most this many messages a second (`--rate`, else `[mail] rate`).
    static func load(
        root: String, store: Store, baseURL: String? = nil, rate: Int? = nil, log: @escaping @Sendable (String) -> Void
    ) throws -> Mailer {
        var config = try StoreConfig.load(from: root)
        if let baseURL { config.baseURL = baseURL }
        let settings = config.mail
        let secrets = try Secrets.load(root + "/" + config.secretsFile, name: config.secretsFile)
        let pages = try ThemePages.load(root: root, config: config)
        let folderPath = settings.folder.hasPrefix("/") ? settings.folder : root + "/" + settings.folder
        let transport: any MailTransport =
            switch settings.transport {
            case .folder: FolderTransport(folder: folderPath)
            case .smtp:
                SMTPTransport(
                    SMTPSettings(
                        host: settings.smtpHost, port: settings.smtpPort, security: security(settings.smtpSecurity),
                        caFile: settings.smtpCAFile.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }, username: settings.smtpUsername,
                        password: secrets.value("smtp_password")))
            }
        let emails = OrderEmails(store: store, pages: pages, config: config, sessionKey: secrets.sessionKey)
        let accountEmails = AccountEmails(pages: pages, config: config, sessionKey: secrets.sessionKey)
        let subscriberEmails = SubscriberEmails(store: store, pages: pages, config: config, sessionKey: secrets.sessionKey)
        let newsletters = NewsletterEmails(store: store, config: config, sessionKey: secrets.sessionKey)
        let delivery = OutboxDelivery(
            store: store, transport: transport, from: try MailAddress.parse(settings.from),
            retry: RetryPolicy(maxAttempts: settings.maxAttempts, firstDelay: Int64(settings.retrySeconds)),
            rate: rate ?? settings.rate, log: log,
            render: { message in
                if message.email == .newsletter { return try newsletters.render(message) }
                if message.email.isAboutAccount { return try accountEmails.render(message) }
                if message.email.isAboutSubscription { return try subscriberEmails.render(message) }
                return try emails.render(message)
            })
        return Mailer(delivery: delivery, transport: transport, settings: settings, folderPath: folderPath)
    }

    private static func security(_ setting: MailSettings.Security) -> SMTPSettings.Security {
        switch setting {
        case .starttls: .startTLS
        case .tls: .tls
        case .none: .none
        }
    }
}
