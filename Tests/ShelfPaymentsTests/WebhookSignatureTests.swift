import ShelfCrypto
import Testing

@testable import ShelfPayments

@Suite struct WebhookSignatureTests {
    let secret = "whsec_test_secret"
    let body = Array(#"{"id":"evt_1","type":"checkout.session.completed"}"#.utf8)
    let now: Int64 = 1_800_000_000

    func signature(_ body: [UInt8], secret: String, at time: Int64) -> String {
        Hex.encode(Digest.hmacSHA256(key: Array(secret.utf8), message: Array("\(time).".utf8) + body))
    }

    func verify(_ header: String?, body: [UInt8]? = nil) -> WebhookError? {
        do {
            try WebhookSignature.verify(header: header, body: body ?? self.body, secret: secret, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAGoodSignatureAndAnyMatchingV1() {
        let good = signature(body, secret: secret, at: now)
        #expect(verify(WebhookSignature.header(for: body, secret: secret, at: now)) == nil)
        #expect(verify("t=\(now),v1=\(String(repeating: "0", count: 64)),v1=\(good)") == nil)
        #expect(verify("t=\(now - 299),v1=\(signature(body, secret: secret, at: now - 299))") == nil)
        #expect(verify("t=\(now),v0=abc,v1=\(good)") == nil)
    }

    @Test func refusesEveryKindOfBadSignature() {
        let good = signature(body, secret: secret, at: now)
        #expect(verify(nil) == .missing)
        #expect(verify("") == .missing)
        #expect(verify("garbage") == .malformed)
        #expect(verify("v1=\(good)") == .malformed)  // no timestamp
        #expect(verify("t=\(now),t=\(now),v1=\(good)") == .malformed)
        #expect(verify("t=abc,v1=\(good)") == .malformed)
        #expect(verify("t=\(now)") == .noSignature)
        #expect(verify("t=\(now),v0=\(good)") == .noSignature)  // only v1 counts
        #expect(verify("t=\(now),v1=zz") == .noSignature)
        #expect(verify("t=\(now - 301),v1=\(signature(body, secret: secret, at: now - 301))") == .outsideTolerance)
        #expect(verify("t=\(now + 301),v1=\(signature(body, secret: secret, at: now + 301))") == .outsideTolerance)
        #expect(verify("t=\(now),v1=\(signature(body, secret: "whsec_other", at: now))") == .mismatch)
        #expect(verify("t=\(now),v1=\(good)", body: body + [0x20]) == .mismatch)
        #expect(verify("t=\(now + 1),v1=\(good)") == .mismatch)  // the timestamp is signed too
        #expect(verify("t=\(now),v1=\(good.uppercased())") == nil)  // hex case does not matter
    }
}
