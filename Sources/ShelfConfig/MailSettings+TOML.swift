import ShelfCore
import TOMLKit

extension MailSettings {
    /// Reads `[mail]`; without it, the store mails to `data/mail/` from `orders@` its domain.
    init(_ reader: TOMLReader, storeName: String, baseURL: String) throws(SiteError) {
        let host = baseURL.split(separator: "/").dropFirst().first.map { String($0.split(separator: ":")[0]) } ?? "localhost"
        let name = storeName.unicodeScalars.contains { "\"\\<>()".unicodeScalars.contains($0) } ? "" : storeName
        self.init(from: name.isEmpty ? "orders@\(host)" : "\(name) <orders@\(host)>")
        guard let section = try reader.table("mail") else { return }
        try section.allowOnly([
            "from", "transport", "folder", "smtp_host", "smtp_port", "smtp_security", "smtp_ca_file", "smtp_username", "smtp_password",
            "max_attempts", "retry_seconds", "rate",
            "track_opens",
        ])
        if section.table["smtp_password"] != nil {
            throw section.error(
                at: "smtp_password", "the SMTP password is a secret: move it to the secrets file as smtp_password = \"…\"")
        }
        from = try section.requiredString("from")
        let (senderName, email) = MailboxSyntax.split(from)
        if let problem = MailboxSyntax.problem(email: email) ?? senderName.flatMap(MailboxSyntax.problem(name:)) {
            throw section.error(at: "from", "from: the address \(problem); write it as \"Shop name <orders@example.com>\"")
        }
        transport = try section.choice("transport", Transport.self) ?? transport
        folder = try section.string("folder") ?? folder
        smtpHost = try section.string("smtp_host") ?? ""
        smtpPort = try section.int("smtp_port", in: 1...65535) ?? smtpPort
        smtpSecurity = try section.choice("smtp_security", Security.self) ?? smtpSecurity
        smtpCAFile = try section.string("smtp_ca_file")
        smtpUsername = try section.string("smtp_username")
        maxAttempts = try section.int("max_attempts", in: 1...50) ?? maxAttempts
        retrySeconds = try section.int("retry_seconds", in: 1...86_400) ?? retrySeconds
        rate = try section.int("rate", in: 1...100_000)
        trackOpens = try section.bool("track_opens") ?? trackOpens
        if transport == .smtp, smtpHost.isEmpty || smtpHost.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw section.error(at: "smtp_host", "transport = \"smtp\" needs smtp_host, the mail server's name, like smtp.example.com")
        }
        if folder.isEmpty || folder.split(separator: "/").contains("..") {
            throw section.error(at: "folder", "folder must name a folder, like data/mail")
        }
    }
}
