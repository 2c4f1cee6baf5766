import Foundation
import ShelfConfig
import ShelfMail
import Testing

@Suite struct MailSettingsTests {
    let base = """
        name = "Evergreen"
        base_url = "https://shop.example.com"
        currency = "EUR"

        """

    let smtp = """
        [mail]
        from = "Evergreen <orders@shop.example.com>"
        transport = "smtp"
        smtp_host = "mail.example.com"
        smtp_port = 465
        smtp_security = "tls"
        smtp_ca_file = "certs/ca.pem"
        smtp_username = "shop"
        max_attempts = 5
        retry_seconds = 120

        """

    @Test func readsTheMailTable() throws {
        let mail = try StoreConfig(toml: base + smtp).mail
        #expect(mail.from == "Evergreen <orders@shop.example.com>")
        #expect(mail.transport == .smtp && mail.smtpHost == "mail.example.com" && mail.smtpPort == 465)
        #expect(mail.smtpSecurity == .tls && mail.smtpCAFile == "certs/ca.pem" && mail.smtpUsername == "shop")
        #expect(mail.maxAttempts == 5 && mail.retrySeconds == 120)
    }

    @Test func withoutTheTableTheStoreWritesToAFolder() throws {
        let mail = try StoreConfig(toml: base).mail
        #expect(mail.from == "Evergreen <orders@shop.example.com>")
        #expect(mail.transport == .folder && mail.folder == "data/mail" && mail.maxAttempts == 8 && mail.retrySeconds == 60)
        #expect(try MailAddress.parse(mail.from).email == "orders@shop.example.com")
    }

    @Test func retriesWaitTwiceAsLongEachTimeUpToSixHours() throws {
        let mail = try StoreConfig(toml: base).mail
        #expect((1...4).map { mail.retryDelay(afterAttempt: $0) } == [60, 120, 240, 480])
        #expect(mail.retryDelay(afterAttempt: 50) == 6 * 3600)
    }

    @Test(arguments: [
        (
            "from = \"Evergreen <orders@shop.example.com>\"", "from = \"Evergreen <orders@shop.example.com>\\r\\nBcc: x@evil.example\"", 5,
            "line break"
        ),
        ("from = \"Evergreen <orders@shop.example.com>\"", "from = \"Evergreen <orders>\"", 5, "exactly one @"),
        ("from = \"Evergreen <orders@shop.example.com>\"", "", 4, "from is missing in [mail]"),
        ("transport = \"smtp\"", "transport = \"sendmail\"", 6, "transport must be \"folder\" or \"smtp\""),
        ("smtp_host = \"mail.example.com\"", "", 6, "needs smtp_host"),
        ("smtp_host = \"mail.example.com\"", "smtp_host = \"smtp://mail.example.com/\"", 7, "smtp_host must be a host name"),
        ("smtp_port = 465", "smtp_port = 70000", 8, "smtp_port must be a whole number from 1 to 65535"),
        ("smtp_security = \"tls\"", "smtp_security = \"ssl\"", 9, "smtp_security must be"),
        ("max_attempts = 5", "max_attempts = 0", 12, "max_attempts must be a whole number from 1 to 50"),
        ("retry_seconds = 120", "retry_seconds = -1", 13, "retry_seconds must be"),
        ("smtp_username = \"shop\"", "smtp_username = \"shop\"\nsmtp_password = \"hunter2\"", 12, "put it in the secrets file"),
        ("retry_seconds = 120", "retry_seconds = 120\nsmtp_timeout = 3", 14, "unknown setting \"smtp_timeout\""),
    ])
    func mistakesNameTheLineAndWhatToFix(_ change: (String, String, Int, String)) throws {
        let text = base + smtp.replacingOccurrences(of: change.0, with: change.1)
        #expect {
            try StoreConfig(toml: text)
        } throws: { error in
            guard let error = error as? SiteError else { return false }
            return error.file == "shelf.toml" && error.line == change.2 && error.message.contains(change.3)
        }
    }

    @Test func theSMTPPasswordComesFromTheSecretsFile() throws {
        let config = try StoreConfig(toml: base + smtp)
        let key = String(repeating: "ab", count: 32)
        let secrets = try Secrets(toml: "session_key = \"\(key)\"\nsmtp_password = \"s3cret\"\n", name: "data/secrets.toml")
        let transport = try #require(try config.mailTransport(root: "/store", secrets: secrets) as? SMTPTransport)
        #expect(transport.settings.password == "s3cret" && transport.settings.username == "shop")
        #expect(transport.settings.security == .tls && transport.settings.port == 465)
        #expect(transport.settings.caFile == "/store/certs/ca.pem")

        let withoutPassword = try Secrets(toml: "session_key = \"\(key)\"\n", name: "data/secrets.toml")
        #expect(throws: SiteError.self) { try config.mailTransport(root: "/store", secrets: withoutPassword) }
    }

    @Test func theDemoStoreWritesMailToItsFolder() throws {
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let mail = try StoreConfig.load(from: repository.path).mail
        #expect(mail.transport == .folder && mail.folder == "data/mail")
        #expect(try MailAddress.parse(mail.from).header == "Evergreen <orders@shop.example.com>")
    }

    @Test func theFolderTransportWritesUnderTheStore() throws {
        let transport = try StoreConfig(toml: base).mailTransport(root: "/store", secrets: nil)
        #expect((transport as? FolderTransport)?.folder == "/store/data/mail")
    }
}
