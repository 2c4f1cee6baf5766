import Foundation
import ShelfHTTP
import Testing

@Suite struct NewsletterClickLinkTests {
    static let key = [UInt8](repeating: 0x42, count: 32)
    let link = NewsletterClickLink(newsletter: 3, subscriber: 42, section: "new-in", target: "/products/coat/?colour=red&size=m")

    /// The query fields of `path`, decoded as the function's query parser does.
    func fields(_ path: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in path.split(separator: "?", maxSplits: 1)[1].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    @Test func aSignedLinkReadsBackAsItWasMade() throws {
        let path = link.path(key: Self.key)
        #expect(path.hasPrefix("/fn/subscribe/click?n=3&r=42&s=new-in&to=/products/coat/%3Fcolour%3Dred%26size%3Dm&sig="))
        #expect(NewsletterClickLink(fields: fields(path), key: Self.key) == link)
    }

    @Test func anAlteredOrForgedLinkIsRefused() {
        let good = fields(link.path(key: Self.key))
        #expect(NewsletterClickLink(fields: good, key: [UInt8](repeating: 1, count: 32)) == nil)
        for (name, value) in [("n", "4"), ("r", "43"), ("s", "intro"), ("to", "/checkout/"), ("sig", String(repeating: "A", count: 43))] {
            var altered = good
            altered[name] = value
            #expect(NewsletterClickLink(fields: altered, key: Self.key) == nil, "\(name)")
        }
        for name in ["n", "r", "s", "to", "sig"] {
            var missing = good
            missing[name] = nil
            #expect(NewsletterClickLink(fields: missing, key: Self.key) == nil, "\(name)")
        }
    }

    @Test func onlyPathsOfTheStoreAreTargets() {
        for target in ["/", "/products/coat/", "/search/?q=wool%20coat"] {
            #expect(NewsletterClickLink.isStorePath(target), "\(target)")
        }
        for target in [
            "", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "evil.example",
            "/a b", "/a\r\nLocation: https://evil.example/", "/\u{0}", "/" + String(repeating: "a", count: 2000),
        ] {
            #expect(!NewsletterClickLink.isStorePath(target), "\(target)")
            // Even signed by the store, such a target is refused.
            let signed = NewsletterClickLink(newsletter: 1, subscriber: 1, section: "intro", target: target)
            #expect(NewsletterClickLink(fields: fields(signed.path(key: Self.key)), key: Self.key) == nil, "\(target)")
        }
    }
}
