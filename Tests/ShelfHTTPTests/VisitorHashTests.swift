import ShelfCrypto
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

    @Test func theHashIsStableAcrossReleases() {
        // HMAC-SHA256 of site, 0, address, 0, agent under the salt's bytes, cut to 128 bits
        // (Python's hmac gives the same): a day's rows stay one visitor across an upgrade.
        #expect(hash() == "5062b7f892e85e2f033e0088d6df75fd")
        #expect(
            VisitorHash.make(key: HMACSHA256Key(Array(salt.utf8)), address: "203.0.113.9", userAgent: agent, site: site)
                == "5062b7f892e85e2f033e0088d6df75fd")
    }

    @Test func fieldsCannotBeShiftedIntoEachOther() {
        // The separator keeps "1.2.3.4" + "5 agent" apart from "1.2.3.45" + " agent".
        #expect(hash(address: "1.2.3.4", agent: "5 agent") != hash(address: "1.2.3.45", agent: " agent"))
    }
}
