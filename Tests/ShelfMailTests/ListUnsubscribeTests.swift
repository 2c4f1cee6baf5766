import Testing

@testable import ShelfMail

@Suite struct ListUnsubscribeTests {
    static let url = "https://shop.example/fn/subscribe/unsubscribe?token=7.abc"

    @Test func writesTheRFC8058HeaderPair() throws {
        #expect(
            try ListUnsubscribe(url: Self.url).headers == [
                "List-Unsubscribe: <\(Self.url)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            ])
    }

    @Test func aMessageCarriesTheHeadersAndATransactionalOneDoesNot() throws {
        let from = try MailAddress(email: "news@shop.example", name: "Shop")
        let to = try MailAddress(email: "ann@example.com", name: nil)
        var message = try MailMessage(
            from: from, to: to, subject: "Back in stock", messageID: "back-in-stock.1.2@shop.example", date: 0, text: "Hi\n",
            html: "<p>Hi</p>")
        #expect(MailDecoding.split(message.encoded()).headers["List-Unsubscribe"] == nil)
        message.listUnsubscribe = try ListUnsubscribe(url: Self.url)
        let (headers, _) = MailDecoding.split(message.encoded())
        #expect(headers["List-Unsubscribe"] == "<\(Self.url)>")
        #expect(headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
    }

    @Test(arguments: [
        "http://shop.example/fn/subscribe/unsubscribe?token=1.a", "mailto:unsubscribe@shop.example", "https://",
        "https://shop.example/x\r\nBcc: eve@example.com", "https://shop.example/x>, <https://evil.example", "https://shop.example/a b",
        "https://shop.example/" + String(repeating: "a", count: 900),
    ])
    func refusesWhatIsNotAPlainHTTPSAddress(_ url: String) {
        #expect(throws: MailError.self) { try ListUnsubscribe(url: url) }
    }
}
