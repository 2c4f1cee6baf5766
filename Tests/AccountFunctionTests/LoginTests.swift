import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct LoginTests {
    @Test func loggingInGivesANewCookieKeepsTheCartAndShowsTheName() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            // A session the shopper had before (or one planted by someone else): it must not survive.
            _ = try shop.formToken()
            let before = try #require(shop.cookie)
            let guest = try #require(
                try shop.store.session(tokenHash: SessionCookie.hash(String(before.split(separator: "=")[1])), now: shop.now))
            try shop.store.addToCart("TEE-M", quantity: 2, in: guest, now: shop.now, maxPerLine: 10)
            let login = try shop.post("/login", ["email": "Ann@Example.com", "password": "correct horse", "remember": "yes"])
            #expect(login.response.status == 303)
            #expect(login.response.header("Location") == "/fn/account")
            #expect(login.response.header("Set-Cookie")?.contains("Max-Age=2592000") == true)
            let after = try #require(shop.cookie)
            #expect(after != before)
            let session = try #require(
                try shop.store.session(tokenHash: SessionCookie.hash(String(after.split(separator: "=")[1])), now: shop.now))
            #expect(try shop.store.cartLines(in: session).map(\.quantity) == [2])
            #expect(try shop.send("GET", "/").html.contains("You are logged in as Ann."))
            #expect(try shop.send("GET", "/login").response.header("Location") == "/fn/account")
            let json = try shop.send("GET", ".json")
            #expect(json.html == #"{"name":"Ann"}"#)
            #expect(json.response.header("Cache-Control") == "no-store")
            shop.cookie = before
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
        }
    }

    @Test func withoutRememberMeTheCookieLastsTheBrowserSession() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let login = try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let cookie = try #require(login.response.header("Set-Cookie"))
            #expect(cookie.hasPrefix("__Host-shelf_session="))
            #expect(!cookie.contains("Max-Age"))
        }
    }

    @Test func theCartsSlidingExpiryLeavesALoggedInBrowserSessionAlone() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let cookie = try #require(shop.cookie)
            shop.now += 7200
            let request = Request(head: RequestHead(method: "GET", path: "/", headers: ["cookie": cookie], isHTTPS: true))
            let shopper = try ShopperSession.findOrStart(request, try shop.context(), in: shop.store)
            #expect(shopper.cookie == nil)
            #expect(shopper.session.expiresAt == shop.now - 7200 + CustomerSession.browserSessionLifetime)
            #expect(try shop.store.customer(in: shopper.session)?.name == "Ann")
        }
    }

    @Test func logoutDeletesTheSessionSoTheOldCookieIsNobody() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let loggedIn = try #require(shop.cookie)
            let out = try shop.post("/logout", [:], from: "/")
            #expect(out.response.status == 303)
            shop.cookie = loggedIn
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            #expect(try shop.send("GET", "/").response.header("Location") == "/fn/account/login")
        }
    }

    @Test func anUnknownEmailAndAWrongPasswordGetTheSameWords() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let unknown = try shop.post("/login", ["email": "nobody@example.com", "password": "correct horse"])
            let wrong = try shop.post("/login", ["email": "ann@example.com", "password": "wrong horse"])
            #expect(unknown.response.status == wrong.response.status)
            let problem = /data-account-problem><p>([^<]*)</
            #expect(try #require(unknown.html.firstMatch(of: problem)).1 == (try #require(wrong.html.firstMatch(of: problem)).1))
        }
    }

    @Test func threeFailuresLockTheAccountAndTheUnlockLinkWorksOnce() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            for _ in 1...2 { try shop.post("/login", ["email": "ann@example.com", "password": "wrong horse"]) }
            let third = try shop.post("/login", ["email": "ann@example.com", "password": "wrong horse"])
            #expect(third.html.contains(Login.locked))
            let right = try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let wrong = try shop.post("/login", ["email": "ann@example.com", "password": "wrong again"])
            #expect(right.html.contains(Login.locked) && wrong.html.contains(Login.locked))
            #expect(right.response.status == wrong.response.status)
            #expect(try shop.store.mail().filter { $0.email == .accountUnlock }.count == 1)
            let secret = try shop.linkSecret(.accountUnlock)
            // Opening the link only shows the button; the POST unlocks.
            #expect(try shop.send("GET", "/unlock", query: "token=\(secret)").html.contains("Unlock my account"))
            #expect(try shop.store.customer(email: "ann@example.com")?.isLocked == true)
            #expect(try shop.post("/unlock", ["token": secret], query: "token=\(secret)").html.contains("Your account is unlocked"))
            #expect(try shop.send("GET", "/unlock", query: "token=\(secret)").response.status == 404)
            #expect(try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"]).response.status == 303)
        }
    }

    @Test func aThousandRapidFailuresLockOnceAndThenOnlyWait() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let token = try shop.formToken()
            var statuses: [Int: Int] = [:]
            for attempt in 0..<1000 {
                let form = "_token=\(token)&email=ann%40example.com&password=guess\(attempt)"
                statuses[try shop.send("POST", "/login", form: form).response.status, default: 0] += 1
            }
            // 20 tries were checked (the account locked at the third), the other 980 were told to wait.
            #expect(statuses == [403: 20, 429: 980])
            #expect(try shop.store.mail().filter { $0.email == .accountUnlock }.count == 1)
            #expect(try shop.store.customer(email: "ann@example.com")?.isLocked == true)
        }
    }

    @Test func twentyFailuresFromOneClientMakeItWait() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            for index in 0..<20 {
                try shop.store.recordLoginFailure(
                    customerID: nil, client: shop.client, unlock: AccountToken(hash: sampleTokenHash(index + 1), nonce: "n"), now: shop.now)
            }
            shop.now += 120
            let answer = try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            #expect(answer.response.status == 429)
            #expect(answer.html.contains("Try again in 8 minutes."))
            shop.client = "192.0.2.2"
            #expect(try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"]).response.status == 303)
        }
    }
}
