import Foundation
import ShelfMail
import Testing

@Suite struct MailAddressTests {
    @Test func readsANameAndAnAddress() throws {
        let address = try MailAddress.parse("Shelf Demo <orders@example.com>")
        #expect(address.email == "orders@example.com" && address.name == "Shelf Demo")
        #expect(address.header == "Shelf Demo <orders@example.com>")
        #expect(try MailAddress.parse(" orders@example.com ").header == "orders@example.com")
        #expect(try MailAddress.parse("\"Evergreen, Inc.\" <orders@example.com>").name == "Evergreen, Inc.")
    }

    @Test func quotesANameWithSpecials() throws {
        let address = try MailAddress(email: "a@example.com", name: #"Evergreen "Green", Inc."#)
        #expect(address.header == #""Evergreen \"Green\", Inc." <a@example.com>"#)
    }

    @Test func encodesANameBeyondASCII() throws {
        let header = try MailAddress(email: "zoe@example.org", name: "Zoë Brennan").header
        #expect(header.hasPrefix("=?UTF-8?B?") && header.hasSuffix(" <zoe@example.org>"))
        #expect(MailDecoding.decodeWords(header) == "Zoë Brennan <zoe@example.org>")
    }

    @Test(
        arguments: [
            ("zoe@example.org\r\nBcc: x@evil.example", nil, "the email address contains a line break"),
            ("zoe@example.org\n", nil, "the email address contains a line break"),
            ("zoe@exa\0mple.org", nil, "the email address contains a NUL character"),
            ("zoe@example.org", "Zoë\r\nBcc: x@evil.example", "the name contains a line break"),
            ("zoe@example.org", "Zoë\n", "the name contains a line break"),
            ("zoe@example.org", "Zo\0ë", "the name contains a NUL character"),
            ("zoe@example.org", "Zo\u{1B}ë", "the name contains a control character"),
            ("zoe.example.org", nil, "the email address must have exactly one @, like orders@example.com"),
            ("zoe@@example.org", nil, "the email address must have exactly one @, like orders@example.com"),
            ("@example.org", nil, "the email address has nothing before the @"),
            ("zoe@", nil, "the email address has nothing after the @"),
            ("zoe brennan@example.org", nil, "the email address contains a space"),
            ("<zoe@example.org>", nil, "the email address contains \"<\", which an address cannot have"),
            ("zoe@example.org,x@evil.example", nil, "the email address contains \",\", which an address cannot have"),
            ("", nil, "the email address is empty"),
        ] as [(String, String?, String)])
    func refusesWhatCouldBreakAHeader(_ email: String, _ name: String?, _ message: String) {
        #expect(throws: MailError.self) { try MailAddress(email: email, name: name) }
        do {
            _ = try MailAddress(email: email, name: name)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusesAnAddressLongerThanSMTPAllows() {
        let long = String(repeating: "a", count: 250) + "@b.ie"
        #expect(throws: MailError("email address", "is longer than 254 characters")) { try MailAddress(email: long) }
    }

    @Test func parseRefusesALineBreakAnywhere() {
        #expect(throws: MailError.self) { try MailAddress.parse("Shop\r\n <orders@example.com>") }
        #expect(throws: MailError.self) { try MailAddress.parse("orders@example.com\r\n") }
    }
}
