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

    /// One cookie read from the header as the parsed cookies give it: white space and quotes
    /// removed, a name sent twice absent, names compared exactly.
    @Test func oneCookieIsReadAsAllCookiesAre() {
        let headers: [String?] = [
            nil, "", "a=1", " a = \"1\" ; b=2", " a=\"1\" ; b=2", "b=2;a=3", "a=1; a=1", "A=1", "ab=1; a", "x=\"\"; a=\"", "a=", "a==1",
        ]
        for header in headers {
            for name in ["a", "b", "x"] {
                #expect(Cookies.value(of: name, in: header) == Cookies(header: header)[name], "\(name) in \(header ?? "nil")")
            }
        }
        #expect(Cookies.value(of: "a", in: " a=\"1\" ; b=2") == "1")
        #expect(Cookies.value(of: "a", in: "a=1; a=1") == nil)
    }

    /// The token is the HMAC-SHA256 of `form:` and the session's hash under the session key
    /// (readied once per process), in base64url; another session or key does not pass.
    @Test func formTokensAreBoundToTheSession() throws {
        let key = Array(repeating: UInt8(1), count: 32)
        let readied = HMACSHA256Key(key)
        let token = FormToken.make(sessionHash: "one", key: readied)
        #expect(token == Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("form:one".utf8))))
        try FormToken.check(token, sessionHash: "one", key: readied)
        #expect(throws: HTTPError.self) { try FormToken.check(token, sessionHash: "two", key: readied) }
        #expect(throws: HTTPError.self) {
            try FormToken.check(token, sessionHash: "one", key: HMACSHA256Key(Array(repeating: 2, count: 32)))
        }
        #expect(throws: HTTPError.self) { try FormToken.check(nil, sessionHash: "one", key: readied) }
        #expect(throws: HTTPError.self) { try FormToken.check(token, sessionHash: nil, key: readied) }
    }
}
