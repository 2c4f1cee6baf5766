extension MailMessage {
    /// The message as RFC 5322 bytes with CRLF line ends throughout, ready for SMTP `DATA`
    /// (libcurl adds the dot-stuffing) or an `.eml` file.
    ///
    /// Bodies are UTF-8 in quoted-printable; with an HTML body the message is
    /// `multipart/alternative`, plain text first. The same message always encodes to the same bytes.
    public func encoded() -> [UInt8] {
        var headers = [
            "Date: " + MailDate.format(date),
            HeaderText.field("From", from.words),
        ]
        if let replyTo { headers.append(HeaderText.field("Reply-To", replyTo.words)) }
        headers += [
            HeaderText.field("To", to.words),
            HeaderText.field("Subject", HeaderText.words(subject)),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        headers += listUnsubscribe?.headers ?? []
        guard let html else {
            return Array((headers + Self.partHeaders("text/plain")).joined(separator: "\r\n").utf8) + [13, 10, 13, 10]
                + Self.body(text)
        }
        let boundary = self.boundary
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var out = Array(headers.joined(separator: "\r\n").utf8) + [13, 10, 13, 10]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out += Array("--\(boundary)\r\n\(Self.partHeaders(type).joined(separator: "\r\n"))\r\n\r\n".utf8)
            out += Self.body(body)
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    /// The multipart boundary, derived from the message id (FNV-1a) so encoding is repeatable.
    /// It starts with `=_`, which quoted-printable never writes, so no body can contain it.
    var boundary: String {
        let hash = messageID.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "=_shelf_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func partHeaders(_ type: String) -> [String] {
        ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
    }

    /// A body in quoted-printable, ending with a line break.
    private static func body(_ text: String) -> [UInt8] {
        var encoded = QuotedPrintable.encode(text)
        if encoded.count >= 2, encoded.suffix(2) == [13, 10] { return encoded }
        encoded += [13, 10]
        return encoded
    }
}
