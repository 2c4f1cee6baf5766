import Foundation
import ShelfHTTP
import Testing

@Suite struct NewsletterOpenPixelTests {
    static let key = [UInt8](repeating: 0x42, count: 32)
    let pixel = NewsletterOpenPixel(newsletter: 3, subscriber: 42)

    func fields(_ path: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in path.split(separator: "?", maxSplits: 1)[1].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    @Test func aSignedPixelReadsBackAsItWasMade() {
        let path = pixel.path(key: Self.key)
        #expect(path.hasPrefix("/fn/subscribe/open?n=3&r=42&sig="))
        #expect(NewsletterOpenPixel(fields: fields(path), key: Self.key) == pixel)
    }

    @Test func anAlteredOrForgedPixelIsRefused() {
        let good = fields(pixel.path(key: Self.key))
        #expect(NewsletterOpenPixel(fields: good, key: [UInt8](repeating: 1, count: 32)) == nil)
        for (name, value) in [("n", "4"), ("r", "43"), ("r", "-42"), ("sig", String(repeating: "A", count: 43)), ("sig", "")] {
            var altered = good
            altered[name] = value
            #expect(NewsletterOpenPixel(fields: altered, key: Self.key) == nil, "\(name)=\(value)")
        }
        for name in ["n", "r", "sig"] {
            var missing = good
            missing[name] = nil
            #expect(NewsletterOpenPixel(fields: missing, key: Self.key) == nil, "\(name)")
        }
    }

    @Test func aClickLinksSignatureIsNoPixelsSignature() {
        let click = fields(NewsletterClickLink(newsletter: 3, subscriber: 42, section: "", target: "").path(key: Self.key))
        #expect(NewsletterOpenPixel(fields: ["n": "3", "r": "42", "sig": click["sig"] ?? ""], key: Self.key) == nil)
    }

    @Test func theImageIsATransparentOneByOneGIFOf43Bytes() {
        let image = NewsletterOpenPixel.image
        #expect(image.count == 43)
        #expect(Array(image.prefix(10)) == Array("GIF89a".utf8) + [1, 0, 1, 0])
        #expect(image.last == 0x3B)
    }
}
