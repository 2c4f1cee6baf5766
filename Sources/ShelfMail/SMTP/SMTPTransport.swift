import CCurl

/// Sends messages to an SMTP server through libcurl.
///
/// The server's last reply decides what a failure means: a 5xx answer to the recipient or the
/// message is permanent; everything else (4xx, timeouts, refused connections, TLS and login
/// problems) may pass and is not. Proxy variables are ignored: under CGI a request could set them.
///
/// ```swift
/// let transport = SMTPTransport(SMTPSettings(host: "mail.example.com", username: "shop", password: key))
/// try transport.send(message)
/// ```
/// One transport keeps its connection open between messages (libcurl reuses it for the next
/// transfer to the same server), so a deliverer sends a whole batch over one SMTP session
/// instead of connecting, greeting and logging in for every message.
public struct SMTPTransport: MailTransport {
    public var settings: SMTPSettings
    /// The libcurl handle whose connection cache keeps the session open between messages.
    private let connection = SMTPConnection()

    public init(_ settings: SMTPSettings) {
        self.settings = settings
        _ = Self.initialised
    }

    /// libcurl's global set-up, once, before any thread uses it.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// The most of the server's replies kept for an answer.
    private static let replyLimit = 8192

    public func send(_ message: MailMessage) throws(MailDeliveryError) {
        try connection.withHandle { (handle) throws(MailDeliveryError) in try send(message, on: handle) }
    }

    private func send(_ message: MailMessage, on handle: UnsafeMutableRawPointer) throws(MailDeliveryError) {
        // Forgets the last message's options, keeps the open connection.
        curl_easy_reset(handle)
        var recipients: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipients) }
        for recipient in message.envelopeRecipients { recipients = curl_slist_append(recipients, "<\(recipient)>") }

        // libcurl keeps these pointers until the transfer ends, so they live outside Swift's
        // automatic storage until then.
        let bytes = message.encoded()
        let content = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = content.initialize(from: bytes)
        let source = UnsafeMutablePointer<shelf_curl_source>.allocate(capacity: 1)
        source.initialize(to: shelf_curl_source(bytes: content.baseAddress, count: bytes.count, offset: 0))
        let errors = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errors.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let dialog = UnsafeMutablePointer<shelf_curl_dialog>.allocate(capacity: 1)
        dialog.initialize(to: shelf_curl_dialog())
        dialog.pointee.replies.limit = Self.replyLimit
        defer {
            shelf_curl_buffer_free(&dialog.pointee.replies)
            dialog.deallocate()
            errors.deallocate()
            source.deallocate()
            content.deallocate()
        }

        var code = shelf_curl_set_error_buffer(handle, errors)
        var strings: [(CURLoption, String)] = [
            (CURLOPT_URL, settings.url), (CURLOPT_PROTOCOLS_STR, "smtp,smtps"), (CURLOPT_PROXY, ""), (CURLOPT_NOPROXY, "*"),
            (CURLOPT_MAIL_FROM, "<\(message.envelopeFrom)>"),
        ]
        if let caFile = settings.caFile { strings.append((CURLOPT_CAINFO, caFile)) }
        if let username = settings.username { strings.append((CURLOPT_USERNAME, username)) }
        if let password = settings.password { strings.append((CURLOPT_PASSWORD, password)) }
        for (option, value) in strings where code == CURLE_OK { code = shelf_curl_set_string(handle, option, value) }
        let numbers: [(CURLoption, Int)] = [
            (CURLOPT_USE_SSL, Int(settings.security == .startTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue)),
            (CURLOPT_SSL_VERIFYPEER, 1), (CURLOPT_SSL_VERIFYHOST, 2), (CURLOPT_TIMEOUT, settings.timeoutSeconds),
            (CURLOPT_CONNECTTIMEOUT, min(10, settings.timeoutSeconds)), (CURLOPT_NOSIGNAL, 1),
        ]
        for (option, value) in numbers where code == CURLE_OK { code = shelf_curl_set_long(handle, option, value) }
        if code == CURLE_OK { code = shelf_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients) }
        if code == CURLE_OK { code = shelf_curl_upload(handle, source) }
        if code == CURLE_OK { code = shelf_curl_record_dialog(handle, dialog) }
        guard code == CURLE_OK else {
            throw MailDeliveryError("libcurl refused a setting: \(String(cString: curl_easy_strerror(code)))", isPermanent: false)
        }

        let result = curl_easy_perform(handle)
        guard result != CURLE_OK else { return }
        let replies = dialog.pointee.replies
        let text = replies.bytes.map { String(decoding: UnsafeBufferPointer(start: $0, count: replies.count), as: UTF8.self) } ?? ""
        let command = withUnsafeBytes(of: dialog.pointee.command) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        throw Self.failure(
            command: command, replies: text,
            reason: errors.pointee == 0 ? String(cString: curl_easy_strerror(result)) : String(cString: errors))
    }

    /// What a failed delivery means, from the last command and the server's replies to it.
    static func failure(command: String, replies: String, reason: String) -> MailDeliveryError {
        // A reply may span lines (`550-…`, `550 …`); the last one is the server's verdict.
        let lines = replies.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
        guard let last = lines.last, last.count >= 3, let code = Int(last.prefix(3)), code >= 400 else {
            return MailDeliveryError(reason, isPermanent: false)
        }
        let reply = lines.reversed().prefix { $0.hasPrefix(last.prefix(3)) }.reversed().map { $0.dropFirst(4) }.joined(separator: " ")
        let isAboutMessage = command == "RCPT" || command == "DATA" || command == "BDAT"
        var error = MailDeliveryError(
            "\(last.prefix(3)) \(reply) (after \(command.isEmpty ? "connecting" : command))", isPermanent: code >= 500 && isAboutMessage)
        error.isRecipientRefused = code >= 500 && command == "RCPT"
        return error
    }
}
