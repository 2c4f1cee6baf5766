import Testing

@testable import ShelfHTTP

@Suite struct CrossSiteGuardTests {
    let base = "https://shop.example"

    func allowed(_ headers: [String: String]) -> Bool {
        do {
            try CrossSiteGuard.check(RequestHead(method: "POST", path: "/add", headers: headers), baseURL: base)
            return true
        } catch {
            #expect(error.status == 403)
            return false
        }
    }

    @Test func fetchMetadataDecidesWhenPresent() {
        #expect(allowed(["sec-fetch-site": "same-origin"]))
        #expect(allowed(["sec-fetch-site": "none"]))
        #expect(!allowed(["sec-fetch-site": "cross-site"]))
        #expect(!allowed(["sec-fetch-site": "same-site"]))
        // A matching Origin does not rescue a request the browser says is cross-site.
        #expect(!allowed(["sec-fetch-site": "cross-site", "origin": base]))
    }

    @Test func originMustMatchTheBaseURLExactly() {
        #expect(allowed(["origin": base]))
        #expect(!allowed(["origin": "https://shop.example.evil.com"]))
        #expect(!allowed(["origin": "http://shop.example"]))
        #expect(!allowed(["origin": "null"]))
    }

    @Test func refererIsTheLastResort() {
        #expect(allowed(["referer": base + "/products/tee/"]))
        #expect(!allowed(["referer": "https://shop.example.evil.com/x"]))
        #expect(!allowed([:]))
    }
}
