import Foundation
import ShelfConfig
import Testing

@Suite struct MailSettingsTests {
    let base = """
        name = "Evergreen"
        base_url = "https://shop.example.com"
        currency = "EUR"

        """

    let mail = """
        [mail]
        from = "Evergreen Orders <orders@shop.example.com>"
        transport = "smtp"
        smtp_host = "smtp.example.com"
        smtp_port = 465
        smtp_security = "tls"
        smtp_ca_file = "data/ca.pem"
        smtp_username = "orders"
        max_attempts = 5
        retry_seconds = 30
        rate = 200
        track_opens = true

        """

    @Test func readsEverySetting() throws {
        let settings = try StoreConfig(toml: base + mail).mail
        #expect(settings.from == "Evergreen Orders <orders@shop.example.com>")
        #expect(settings.transport == .smtp && settings.smtpHost == "smtp.example.com" && settings.smtpPort == 465)
        #expect(settings.smtpSecurity == .tls && settings.smtpCAFile == "data/ca.pem" && settings.smtpUsername == "orders")
        #expect(settings.maxAttempts == 5 && settings.retrySeconds == 30 && settings.rate == 200)
        #expect(settings.trackOpens)
    }

    @Test func withoutTheTableMailGoesToTheDevFolderFromTheStoresDomain() throws {
        let settings = try StoreConfig(toml: base).mail
        #expect(settings.transport == .folder && settings.folder == "data/mail")
        #expect(settings.from == "Evergreen <orders@shop.example.com>")
        #expect(settings.smtpSecurity == .starttls && settings.maxAttempts == 8 && settings.rate == nil)
        #expect(!settings.trackOpens)
    }

    @Test(arguments: [
        (
            "from = \"Evergreen Orders <orders@shop.example.com>\"", "from = \"Evergreen\\r\\nBcc: x@y.z <o@shop.example.com>\"",
            "shelf.toml:5: from"
        ),
        ("from = \"Evergreen Orders <orders@shop.example.com>\"", "from = \"not an address\"", "shelf.toml:5: from"),
        ("transport = \"smtp\"", "transport = \"pigeon\"", "\"folder\", \"smtp\""),
        ("smtp_security = \"tls\"", "smtp_security = \"ssl\"", "\"starttls\", \"tls\", \"none\""),
        ("smtp_host = \"smtp.example.com\"", "smtp_host = \"\"", "needs smtp_host"),
        ("smtp_port = 465", "smtp_port = 0", "smtp_port"),
        ("max_attempts = 5", "max_attempts = 500", "max_attempts"),
        ("smtp_username = \"orders\"", "smtp_password = \"hunter2\"", "move it to the secrets file"),
        ("retry_seconds = 30", "retry_secs = 30", "unknown setting"),
        ("rate = 200", "rate = 0", "rate"),
        ("track_opens = true", "track_opens = \"yes\"", "shelf.toml:15: track_opens must be true or false"),
    ])
    func badSettingsSayWhereAndWhat(_ change: (String, String, String)) throws {
        expectConfigRefused(base + mail.replacingOccurrences(of: change.0, with: change.1), saying: change.2, without: "hunter2")
    }
}
