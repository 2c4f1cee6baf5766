import ShelfCrypto
import Testing

@testable import ShelfHTTP

/// A random source that repeats one byte, so tokens are known in advance.
struct FixedRandom: RandomSource {
    var byte: UInt8 = 7
    func bytes(_ count: Int) -> [UInt8] { Array(repeating: byte, count: count) }
}

@Suite struct SessionTests {
    @Test func tokensAre256BitsAndOnlyTheirHashIsKept() {
        let token = SessionCookie.newToken(FixedRandom())
        #expect(token.count == 43)
        #expect(token == Base64URL.encode(Array(repeating: 7, count: 32)))
        #expect(SessionCookie.hash(token) == Digest.sha256Hex(token))
        #expect(SessionCookie.hash(token) != token)
    }

    @Test func systemTokensDiffer() {
        #expect(SessionCookie.newToken(SystemRandom()) != SessionCookie.newToken(SystemRandom()))
    }

    @Test func cookieAttributesFollowTheScheme() {
        let secure = SessionCookie.setCookie("abc", https: true, maxAge: 60)
        #expect(secure == "__Host-shelf_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure")
        let plain = SessionCookie.setCookie("abc", https: false, maxAge: 60)
        #expect(plain == "shelf_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax")
    }

    @Test func readsOnlyAWellFormedCookieOfTheRightName() {
        let token = SessionCookie.newToken(FixedRandom())
        func read(_ cookie: String, https: Bool = false) -> String? {
            SessionCookie.token(in: Request(head: RequestHead(method: "GET", path: "/", headers: ["cookie": cookie], isHTTPS: https)))
        }
        #expect(read("a=b; shelf_session=\(token)") == token)
        #expect(read("shelf_session=\(token)", https: true) == nil)
        #expect(read("__Host-shelf_session=\(token)", https: true) == token)
        #expect(read("shelf_session=short") == nil)
        #expect(read("shelf_session=\(token); shelf_session=\(token)") == nil)
    }

    @Test func formTokensAreBoundToTheSession() throws {
        let key = Array(repeating: UInt8(1), count: 32)
        let token = FormToken.make(sessionHash: "one", key: key)
        try FormToken.check(token, sessionHash: "one", key: key)
        #expect(throws: HTTPError.self) { try FormToken.check(token, sessionHash: "two", key: key) }
        #expect(throws: HTTPError.self) { try FormToken.check(token, sessionHash: "one", key: Array(repeating: 2, count: 32)) }
        #expect(throws: HTTPError.self) { try FormToken.check(nil, sessionHash: "one", key: key) }
        #expect(throws: HTTPError.self) { try FormToken.check(token, sessionHash: nil, key: key) }
    }

    @Test func digestsMatchKnownVectors() {
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            Digest.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 4231 test cases 1 (short key), 2 and 6 (a key longer than the block, hashed first).
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let short = Digest.hmacSHA256(key: Array(repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
        #expect(Hex.encode(short) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let long = Digest.hmacSHA256(
            key: Array(repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(Hex.encode(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(Digest.constantTimeEquals([1, 2], [1, 2]))
        #expect(!Digest.constantTimeEquals([1, 2], [1, 3]))
        #expect(!Digest.constantTimeEquals([1, 2], [1, 2, 3]))
    }
}
