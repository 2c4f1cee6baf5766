import ShelfCrypto
import Testing

@testable import ShelfHTTP

/// The tokens a process keeps are the ones the HMAC gives, for their own key and session only,
/// and no more of them than the capacity.
struct FormTokenRecentTests {
    static func expected(_ sessionHash: String, _ key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("form:\(sessionHash)".utf8)))
    }

    /// Sessions made, made again, and under a second key in between: every answer is that
    /// key's HMAC for that session, whether it was kept or not.
    @Test func everyTokenIsTheHMACOfItsOwnKeyAndSession() {
        let first = Array(repeating: UInt8(1), count: 32)
        let second = Array(repeating: UInt8(2), count: 32)
        let sessions = (0..<(FormToken.Recent.capacity * 2 + 3)).map { Digest.sha256Hex("session \($0)") }
        for _ in 0..<2 {
            for session in sessions + sessions.reversed() {
                #expect(FormToken.make(sessionHash: session, key: HMACSHA256Key(first)) == Self.expected(session, first))
                #expect(FormToken.make(sessionHash: session, key: HMACSHA256Key(second)) == Self.expected(session, second))
            }
        }
    }

    @Test func keepsTheLastTokensUpToItsCapacity() {
        let key = HMACSHA256Key(Array("k".utf8))
        var recent = FormToken.Recent()
        for index in 0...FormToken.Recent.capacity { recent.keep("token \(index)", sessionHash: "hash \(index)", key: key) }
        #expect(recent.token(sessionHash: "hash 0", key: key) == nil)
        for index in 1...FormToken.Recent.capacity {
            #expect(recent.token(sessionHash: "hash \(index)", key: key) == "token \(index)")
        }
        #expect(recent.token(sessionHash: "hash 1", key: HMACSHA256Key(Array("other".utf8))) == nil)
        #expect(recent.token(sessionHash: "hash", key: key) == nil)
    }
}
