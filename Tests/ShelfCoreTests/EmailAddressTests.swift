import ShelfCore
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: ["Ann@Example.COM", "  ann@example.com\t", "ANN@EXAMPLE.COM", "ann@example.com"])
    func spellingsOfOneAddressAreOneAddress(_ typed: String) {
        #expect(EmailAddress(typed)?.text == "ann@example.com")
        #expect(EmailAddress(typed) == EmailAddress("ann@example.com"))
    }

    @Test(arguments: [
        "ann@example.com\r\nBcc: x@evil.example", "ann@example.com\n", "\rann@example.com", "ann@exa\u{0}mple.com",
        "ann@example", "ann", "@example.com", "ann@.com", "ann@example.com.", "ann@@example.com", "a b@example.com",
        "<ann@example.com>", "zoë@example.com", "", "   ",
    ])
    func whatIsNotAnAddressIsRefused(_ typed: String) {
        #expect(EmailAddress(typed) == nil)
    }

    @Test func twoHundredFiftyFourBytesAreTheLimit() {
        let domain = "@example.com"
        let longest = String(repeating: "a", count: 254 - domain.count) + domain
        #expect(EmailAddress(longest)?.text == longest)
        #expect(EmailAddress("a" + longest) == nil)
    }

    @Test func checkoutAcceptsWhatAccountsAccept() {
        #expect(Address.isEmail("ann@example.com"))
        #expect(!Address.isEmail("ann@example"))
    }
}
