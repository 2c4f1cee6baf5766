import ShelfCore
import Testing

@Suite struct AddressTests {
    func valid() -> Address {
        var address = Address()
        address.email = " ann@example.com "
        address.name = "Ann Murphy"
        address.street = "1 Main Street"
        address.city = "Dublin"
        address.postalCode = "D02 X285"
        address.country = "IE"
        return address
    }

    @Test func aCompleteAddressPassesTrimmed() {
        var address = valid()
        #expect(address.problems(countries: ["IE"]).isEmpty)
        #expect(address.email == "ann@example.com")
        #expect(address.lines == ["Ann Murphy", "1 Main Street", "D02 X285 Dublin", "Ireland"])
    }

    @Test func everyProblemIsNamedInFormOrder() {
        var address = valid()
        address.email = "not-an-email"
        address.name = ""
        address.country = "US"
        address.phone = "call me"
        let problems = address.problems(countries: ["IE"])
        #expect(problems.map(\.field) == ["email", "name", "country", "phone"])
        #expect(problems[1].message == "Full name is required")
    }

    @Test(arguments: ["Ann\r\nBcc: x@evil.example", "Ann\u{0}", "Ann\nMurphy"])
    func lineBreaksAndNULsAreRefused(_ name: String) {
        var address = valid()
        address.name = name
        #expect(address.problems(countries: ["IE"]).map(\.field) == ["name"])
    }

    @Test(arguments: [
        "a@b", "@example.com", "a@.com", "a b@example.com", "a@example.com.", "<a@example.com>", "a@b@c.com",
        "zoë@example.com", "ann@exämple.ie",  // no mail could carry these: refused here, not after the order
    ])
    func badEmailsAreRefused(_ email: String) {
        var address = valid()
        address.email = email
        #expect(address.problems(countries: ["IE"]).map(\.field) == ["email"])
    }
}
