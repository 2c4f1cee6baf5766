import Foundation
import ShelfMail
import Testing

/// Delivery through a real SMTP server (aiosmtpd, started by each test on loopback).
@Suite struct SMTPTransportTests {
    let message: MailMessage

    init() throws {
        message = try MailMessage(
            from: try MailAddress(email: "orders@shop.example.com", name: "Evergreen"),
            to: try MailAddress(email: "zoe@example.org", name: "Zoë Brennan"),
            subject: "Ihre Bestellung für Zoë", messageID: "order-1001-paid.3f9c2a@shop.example.com", date: 1_771_000_200,
            text: "Danke!\n.a line that starts with a dot\n\nGrüße", html: "<p>Danke!</p>\n<p>Grüße</p>")
    }

    @Test func deliversTheMessageAndItsEnvelope() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        try SMTPTransport(SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeoutSeconds: 10)).send(message)
        let stored = try server.messages()
        try #require(stored.count == 1)
        #expect(stored[0].bytes == message.encoded())
        #expect(stored[0].envelope["mail_from"] as? String == "orders@shop.example.com")
        #expect(stored[0].envelope["rcpt_tos"] as? [String] == ["zoe@example.org"])
    }

    @Test func deliversOverStartTLSWithALogin() throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        let server = try SMTPTestServer(["--starttls", certificate.cert, certificate.key, "--require-auth", "shop:s3cret pass"])
        defer { server.stop() }
        let settings = SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .startTLS, caFile: certificate.cert, username: "shop",
            password: "s3cret pass", timeoutSeconds: 10)
        try SMTPTransport(settings).send(message)
        let stored = try server.messages()
        #expect(stored.count == 1 && stored.first?.bytes == message.encoded())

        var wrongPassword = settings
        wrongPassword.password = "guess"
        let refused = #expect(throws: MailDeliveryError.self) { try SMTPTransport(wrongPassword).send(message) }
        #expect(refused?.isPermanent == false && refused?.answer.contains("535") == true, "\(String(describing: refused))")

        var untrusted = settings
        untrusted.caFile = nil
        let unverified = #expect(throws: MailDeliveryError.self) { try SMTPTransport(untrusted).send(message) }
        #expect(unverified?.isPermanent == false)
        #expect(try server.messages().count == 1)
    }

    @Test func aRecipientRefusedWith550IsPermanent() throws {
        let server = try SMTPTestServer(["--reject-rcpt", "zoe@:550"])
        defer { server.stop() }
        let error = #expect(throws: MailDeliveryError.self) {
            try SMTPTransport(SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeoutSeconds: 10)).send(message)
        }
        #expect(error?.isPermanent == true, "\(String(describing: error))")
        #expect(
            error?.answer.hasPrefix("550 5.1.1 <zoe@example.org>: Recipient address rejected by the test server") == true,
            "\(String(describing: error))")
        #expect(try server.messages().isEmpty)
    }

    @Test func aRecipientDeferredWith450IsNotPermanent() throws {
        let server = try SMTPTestServer(["--reject-rcpt", "zoe@:450"])
        defer { server.stop() }
        let error = #expect(throws: MailDeliveryError.self) {
            try SMTPTransport(SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeoutSeconds: 10)).send(message)
        }
        #expect(error?.isPermanent == false && error?.answer.hasPrefix("450 4.1.1") == true, "\(String(describing: error))")
    }

    @Test func aClosedPortIsNotPermanent() throws {
        let port = try SMTPTestServer.freePort()
        let error = #expect(throws: MailDeliveryError.self) {
            try SMTPTransport(SMTPSettings(host: "127.0.0.1", port: port, security: .none, timeoutSeconds: 5)).send(message)
        }
        #expect(error?.isPermanent == false)
        #expect(error?.answer.contains("onnect") == true, "\(String(describing: error))")
    }
}

/// A certificate for 127.0.0.1 made by openssl for one test, which the test passes as the CA file.
struct SelfSignedCertificate {
    let folder = FileManager.default.temporaryDirectory.appending(path: "shelf-cert-\(UUID().uuidString)")
    var cert: String { folder.appending(path: "cert.pem").path }
    var key: String { folder.appending(path: "key.pem").path }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(filePath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SMTPTestServer.StartFailure(description: "openssl could not make a certificate") }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
