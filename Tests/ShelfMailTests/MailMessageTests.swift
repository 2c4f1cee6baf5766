import Foundation
import Testing

@testable import ShelfMail

@Suite struct MailMessageTests {
    let store: MailAddress
    let shopper: MailAddress

    init() throws {
        store = try MailAddress(email: "orders@shop.example.com", name: "Evergreen")
        shopper = try MailAddress(email: "zoe@example.org", name: "Zoë Brennan")
    }

    func message(subject: String = "Order 1001 is paid", text: String = "Thank you.\n", html: String? = nil) throws -> MailMessage {
        try MailMessage(
            from: store, to: shopper, subject: subject, messageID: "order-1001-paid.3f9c2a@shop.example.com",
            date: 1_771_000_200, text: text, html: html)
    }

    @Test func writesTheHeadersAndAQuotedPrintableBody() throws {
        let bytes = try message().encoded()
        let (headers, body) = MailDecoding.split(bytes)
        #expect(headers["Date"] == "Fri, 13 Feb 2026 16:30:00 +0000")
        #expect(headers["From"] == "Evergreen <orders@shop.example.com>")
        #expect(MailDecoding.decodeWords(headers["To"] ?? "") == "Zoë Brennan <zoe@example.org>")
        #expect(headers["Subject"] == "Order 1001 is paid")
        #expect(headers["Message-ID"] == "<order-1001-paid.3f9c2a@shop.example.com>")
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(body == "Thank you.\r\n")
        #expect(headers["Reply-To"] == nil)
    }

    @Test func everyLineEndsWithCRLF() throws {
        let bytes = try message(text: "one\ntwo\r\nthree\rfour\n\n", html: "<p>one</p>\n<p>two</p>").encoded()
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "a bare LF at byte \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 13 {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a bare CR at byte \(index)")
        }
        #expect(bytes.suffix(2) == [13, 10])
    }

    @Test func encodesANonASCIISubjectAsWordsThatDecodeBack() throws {
        let subject = "Ihre Bestellung für Zoë"
        let (headers, _) = MailDecoding.split(try message(subject: subject).encoded())
        #expect(headers["Subject"]!.hasPrefix("=?UTF-8?"))
        #expect(MailDecoding.decodeWords(headers["Subject"]!) == subject)
    }

    @Test(arguments: [
        String(repeating: "Ihre Bestellung für Zoë ist unterwegs, ", count: 6),
        String(repeating: "Your order from Evergreen has shipped today ", count: 5),
        String(repeating: "x", count: 120),
        "Ihre 🧥 und 👩‍👩‍👧‍👦 " + String(repeating: "é", count: 90),
    ])
    func foldsLongSubjectsWithinSeventyEightCharacters(_ subject: String) throws {
        let bytes = try message(subject: subject).encoded()
        let text = String(decoding: bytes, as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        for line in header.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        #expect(header.components(separatedBy: "\r\n").filter { $0.hasPrefix(" ") }.count >= 1)
        #expect(MailDecoding.decodeWords(MailDecoding.split(bytes).headers["Subject"]!) == subject)
    }

    @Test func quotedPrintableKeepsLinesShortAndEscapesWhatItMust() throws {
        let long = String(repeating: "Grüße aus Dublin = ", count: 12)
        let encoded = String(decoding: QuotedPrintable.encode(long + "\ntrailing space \nend"), as: UTF8.self)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
        }
        #expect(encoded.contains("Gr=C3=BC=C3=9Fe aus Dublin =3D"))
        #expect(encoded.contains("trailing space=20\r\nend"))
        #expect(encoded.contains("=\r\n"))
        #expect(MailDecoding.quotedPrintable(encoded) == Array((long + "\r\ntrailing space \r\nend").utf8))
    }

    @Test func anHTMLBodyMakesAMultipartAlternative() throws {
        let html = "<p>Danke, Zoë!</p>\n<p>=_shelf_ is in this body, but encoded.</p>"
        let message = try message(text: "Danke, Zoë!\n", html: html)
        let bytes = message.encoded()
        let (headers, body) = MailDecoding.split(bytes)
        let boundary = message.boundary
        #expect(headers["Content-Type"] == "multipart/alternative; boundary=\"\(boundary)\"")
        #expect(!message.text.contains(boundary) && !html.contains(boundary))
        let parts = body.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)
        #expect(parts[3] == "--\r\n")
        #expect(parts[1].hasPrefix("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(parts[2].hasPrefix("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"))
        let htmlPart = parts[2].components(separatedBy: "\r\n\r\n")[1]
        // The part ends with the CRLF before the boundary, which Swift counts as one Character.
        #expect(MailDecoding.quotedPrintable(String(htmlPart.dropLast())) == Array(html.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        // The same message always encodes to the same bytes, boundary included.
        #expect(try self.message(text: "Danke, Zoë!\n", html: html).encoded() == bytes)
    }

    @Test func aReplyToAddressIsWritten() throws {
        let message = try MailMessage(
            from: store, to: shopper, subject: "Hi", messageID: "a.b@shop.example.com", date: 0, text: "x",
            replyTo: try MailAddress(email: "help@shop.example.com"))
        let (headers, _) = MailDecoding.split(message.encoded())
        #expect(headers["Reply-To"] == "help@shop.example.com")
        #expect(headers["Date"] == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(message.envelopeFrom == "orders@shop.example.com" && message.envelopeRecipients == ["zoe@example.org"])
    }

    @Test(arguments: [
        ("Order 1001\r\nBcc: x@evil.example", "the subject contains a line break"),
        ("Order 1001\n", "the subject contains a line break"),
        ("Order\0 1001", "the subject contains a NUL character"),
    ])
    func refusesASubjectThatCouldBreakAHeader(_ subject: String, _ problem: String) {
        #expect {
            try message(subject: subject)
        } throws: { error in
            "\(error)" == problem
        }
    }

    @Test(arguments: ["", "no-at-sign", "<a@b>", "a b@c", "a@b\r\nBcc: x", "../../etc/passwd@x", "a/b@c", "a@b@c"])
    func refusesAMessageIDThatIsNotPlain(_ id: String) {
        #expect(throws: MailError.self) {
            try MailMessage(from: store, to: shopper, subject: "Hi", messageID: id, date: 0, text: "x")
        }
    }
}
