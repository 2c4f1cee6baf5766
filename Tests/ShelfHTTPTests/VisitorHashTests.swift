import ShelfHTTP
import Testing

/// The day's visitor hash: the same browser on the same day is one visitor; anything else is
/// another, and the hash gives away neither the address nor the user agent.
struct VisitorHashTests {
    let salt = String(repeating: "5a", count: 32)
    let agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    let site = "https://shop.example"

    func hash(salt: String? = nil, address: String = "203.0.113.9", agent: String? = nil, site: String? = nil) -> String {
        VisitorHash.make(salt: salt ?? self.salt, address: address, userAgent: agent ?? self.agent, site: site ?? self.site)
    }

    @Test func theSameClientUnderTheSameSaltIsTheSameVisitor() {
        #expect(hash() == hash())
        #expect(hash().count == 32)
        #expect(hash().allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func anotherSaltAddressAgentOrSiteIsAnotherVisitor() {
        let base = hash()
        #expect(hash(salt: String(repeating: "5b", count: 32)) != base)
        #expect(hash(address: "203.0.113.10") != base)
        #expect(hash(agent: agent + " ") != base)
        #expect(hash(site: "https://other.example") != base)
    }

    @Test func fieldsCannotBeShiftedIntoEachOther() {
        // The separator keeps "1.2.3.4" + "5 agent" apart from "1.2.3.45" + " agent".
        #expect(hash(address: "1.2.3.4", agent: "5 agent") != hash(address: "1.2.3.45", agent: " agent"))
    }
}
