import ShelfCore
import TOMLKit

extension MailSettings {
    /// Reads `[mail]`; without it the store writes mail to `data/mail` from
    /// `STORE NAME <orders@HOST>`, HOST being the base URL's.
    init(_ root: TOMLReader, storeName: String, baseURL: String) throws(SiteError) {
        guard let section = try root.table("mail") else {
            let host =
                baseURL.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
                .map { String($0.split(separator: ":").first ?? $0) } ?? "localhost"
            self.init(from: "\(storeName) <orders@\(host)>")
            if let problem = Self.problem(from) {
                throw root.error(
                    at: "name",
                    "the store name cannot be a mail sender (\(problem)); add a [mail] table with from = \"Shop <orders@\(host)>\"")
            }
            return
        }
        if section.table["smtp_password"] != nil {
            throw section.error(
                at: "smtp_password",
                "smtp_password does not belong in shelf.toml, which is often in git; put it in the secrets file as smtp_password = \"…\"")
        }
        try section.allowOnly([
            "from", "transport", "folder", "smtp_host", "smtp_port", "smtp_security", "smtp_ca_file", "smtp_username",
            "max_attempts", "retry_seconds",
        ])
        self.init(from: try section.requiredString("from"))
        if let problem = Self.problem(from) {
            throw section.error(at: "from", "from \(problem); write it like from = \"Shop <orders@example.com>\"")
        }
        let transportName = try section.string("transport") ?? transport.rawValue
        guard let transport = Transport(rawValue: transportName) else {
            throw section.error(at: "transport", "transport must be \"folder\" or \"smtp\", not \"\(transportName)\"")
        }
        self.transport = transport
        folder = try section.string("folder") ?? folder
        guard !folder.isEmpty, !folder.hasPrefix("/"), !folder.split(separator: "/").contains("..") else {
            throw section.error(at: "folder", "folder must be a path inside the store folder, like data/mail")
        }
        smtpHost = try section.string("smtp_host")
        if let host = smtpHost, !Self.isHost(host) {
            throw section.error(
                at: "smtp_host", "smtp_host must be a host name or IP address like mail.example.com, without a scheme or port")
        }
        if transport == .smtp, smtpHost == nil {
            throw section.error(at: "transport", "transport = \"smtp\" needs smtp_host = \"mail.example.com\"")
        }
        smtpPort = try section.int("smtp_port", in: 1...65535) ?? smtpPort
        let securityName = try section.string("smtp_security") ?? smtpSecurity.rawValue
        guard let security = SMTPSecurity(rawValue: securityName) else {
            throw section.error(at: "smtp_security", "smtp_security must be \"starttls\", \"tls\" or \"none\", not \"\(securityName)\"")
        }
        smtpSecurity = security
        smtpCAFile = try section.string("smtp_ca_file")
        smtpUsername = try section.string("smtp_username")
        if let username = smtpUsername, username.isEmpty || username.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        {
            throw section.error(at: "smtp_username", "smtp_username must be a name without line breaks or control characters")
        }
        maxAttempts = try section.int("max_attempts", in: 1...50) ?? maxAttempts
        retrySeconds = try section.int("retry_seconds", in: 1...Self.maximumRetrySeconds) ?? retrySeconds
    }

    /// What is wrong with a `from` value, or nil; the same rules the mail module applies.
    private static func problem(_ text: String) -> String? {
        let (name, email) = MailboxSyntax.split(text)
        if let problem = MailboxSyntax.problem(email: email) { return "has an email address that \(problem)" }
        if let name, let problem = MailboxSyntax.problem(name: name) { return "has a name that \(problem)" }
        return nil
    }

    /// A DNS name or an IPv4/IPv6 address: nothing that could change the URL libcurl is given.
    private static func isHost(_ host: String) -> Bool {
        !host.isEmpty
            && host.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || ".-:".utf8.contains(byte)
            }
    }
}
