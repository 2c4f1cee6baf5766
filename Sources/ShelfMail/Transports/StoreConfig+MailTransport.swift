public import ShelfConfig

extension StoreConfig {
    /// The transport `[mail]` describes, for the store in folder `root`: a ``FolderTransport``
    /// or an ``SMTPTransport`` whose password comes from the secrets file (`smtp_password`).
    ///
    /// ```swift
    /// let transport = try config.mailTransport(root: root, secrets: try Secrets.load(...))
    /// ```
    public func mailTransport(root: String, secrets: Secrets?) throws(SiteError) -> any MailTransport {
        switch mail.transport {
        case .folder:
            return FolderTransport(folder: root + "/" + mail.folder)
        case .smtp:
            let password = secrets?.value("smtp_password")
            if mail.smtpUsername != nil, password?.isEmpty ?? true {
                throw SiteError(secretsFile, "smtp_password is missing; [mail] smtp_username is set, so add smtp_password = \"…\" here")
            }
            let security: SMTPSettings.Security =
                switch mail.smtpSecurity {
                case .startTLS: .startTLS
                case .tls: .tls
                case .none: .none
                }
            let caFile = mail.smtpCAFile.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }
            return SMTPTransport(
                SMTPSettings(
                    host: mail.smtpHost ?? "", port: mail.smtpPort, security: security, caFile: caFile,
                    username: mail.smtpUsername, password: mail.smtpUsername == nil ? nil : password))
        }
    }
}
