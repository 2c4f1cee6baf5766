import Foundation
import ShelfMail
import Testing

/// One ``SMTPTransport`` sends many messages, over STARTTLS with a login, through the same
/// libcurl handle and its open connection; a refused recipient between them is a bounce and
/// does not stop the ones after it.
@Suite struct SMTPSessionTests {
    func message(to email: String, _ number: Int) throws -> MailMessage {
        try MailMessage(
            from: try MailAddress(email: "news@shop.example.com"), to: try MailAddress(email: email), subject: "Spring \(number)",
            messageID: "newsletter.\(number)@shop.example.com", date: 1_771_000_200, text: "Hello \(number)\n")
    }

    @Test func oneTransportSendsEveryMessageAndReportsTheBounceBetweenThem() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let server = try SMTPTestServer([
            "--starttls", certificate.cert, certificate.key, "--require-auth", "shop:s3cret", "--reject-rcpt", "gone@:550",
        ])
        defer { server.stop() }
        let transport = SMTPTransport(
            SMTPSettings(
                host: "127.0.0.1", port: server.port, security: .startTLS, caFile: certificate.cert, username: "shop",
                password: "s3cret", timeoutSeconds: 10))
        try transport.send(try message(to: "ann@example.org", 1))
        let bounce = #expect(throws: MailDeliveryError.self) { try transport.send(try message(to: "gone@example.org", 2)) }
        #expect(bounce?.isPermanent == true && bounce?.isRecipientRefused == true, "\(String(describing: bounce))")
        for number in 3...5 { try transport.send(try message(to: "bob\(number)@example.org", number)) }
        let stored = try server.messages()
        let recipients = stored.compactMap { ($0.envelope["rcpt_tos"] as? [String])?.first }.sorted()
        #expect(recipients == ["ann@example.org", "bob3@example.org", "bob4@example.org", "bob5@example.org"])
    }

    @Test func aDeferredRecipientIsNotABounce() throws {
        let server = try SMTPTestServer(["--reject-rcpt", "later@:450"])
        defer { server.stop() }
        let transport = SMTPTransport(SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeoutSeconds: 10))
        let deferred = #expect(throws: MailDeliveryError.self) { try transport.send(try message(to: "later@example.org", 1)) }
        #expect(deferred?.isPermanent == false && deferred?.isRecipientRefused == false, "\(String(describing: deferred))")
    }
}
