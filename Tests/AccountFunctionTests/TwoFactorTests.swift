import ShelfAuth
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct TwoFactorTests {
    /// Logs Ann in and turns two-factor on with the code her app would show; returns the secret
    /// and the recovery codes shown once.
    func enrolAnn(_ shop: AccountFixture) throws -> (secret: TOTPSecret, recovery: [String]) {
        try shop.registerAnn()
        try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
        let page = try shop.send("GET", "/two-factor").html
        #expect(page.contains("<svg"))
        let text = try #require(page.firstMatch(of: /data-totp-secret>([A-Z2-7]+)</)).1
        let secret = try #require(TOTPSecret(base32: String(text)))
        let on = try shop.post(
            "/two-factor", ["action": "on", "secret": String(text), "code": TOTP.code(secret: secret, at: shop.now)], from: "/two-factor")
        #expect(on.response.status == 200)
        let recovery = on.html.matches(of: /<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/).map { String($0.1) }
        #expect(recovery.count == 10)
        try shop.post("/logout", [:], from: "/")
        return (secret, recovery)
    }

    @discardableResult
    func passwordLogin(_ shop: AccountFixture) throws -> Response {
        try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"]).response
    }

    @discardableResult
    func second(_ shop: AccountFixture, _ code: String) throws -> Response {
        try shop.post("/two-factor/login", ["code": code]).response
    }

    @Test func aWrongCodeDoesNotTurnItOn() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let page = try shop.send("GET", "/two-factor").html
            let text = String(try #require(page.firstMatch(of: /data-totp-secret>([A-Z2-7]+)</)).1)
            let secret = try #require(TOTPSecret(base32: text))
            // A code from an hour away: outside the window whatever its digits.
            let stale = TOTP.code(secret: secret, at: shop.now - 3600)
            let valid = ((-1)...1).map { TOTP.code(secret: secret, at: shop.now + 30 * $0) }
            try #require(!valid.contains(stale))
            let wrong = try shop.post("/two-factor", ["action": "on", "secret": text, "code": stale], from: "/two-factor")
            #expect(wrong.response.status == 422)
            let customer = try #require(try shop.store.customer(email: "ann@example.com"))
            #expect(try shop.store.totp(customerID: customer.id) == nil)
        }
    }

    @Test func afterEnrolmentALoginAsksForTheAppCodeBeforeTheSession() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, _) = try enrolAnn(shop)
            shop.now += 60
            let login = try passwordLogin(shop)
            #expect(login.status == 303)
            #expect(login.header("Location") == SecondFactor.path)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            #expect(try shop.send("GET", "/").response.header("Location") == Login.path)
            #expect(try second(shop, TOTP.code(secret: secret, at: shop.now + 3600)).status == 403)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            let code = TOTP.code(secret: secret, at: shop.now)
            let done = try second(shop, code)
            #expect(done.status == 303)
            #expect(done.header("Location") == "/fn/account")
            #expect(try shop.send("GET", ".json").html == #"{"name":"Ann"}"#)

            // The same step again, on a new login: refused.
            try shop.post("/logout", [:], from: "/")
            #expect(try passwordLogin(shop).header("Location") == SecondFactor.path)
            #expect(try second(shop, code).status == 403)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            shop.now += 30
            #expect(try second(shop, TOTP.code(secret: secret, at: shop.now)).status == 303)
        }
    }

    @Test func anEmailedCodeLoginAlsoAsksForTheSecondFactor() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            _ = try enrolAnn(shop)
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let message = try #require(try shop.store.mail().first { $0.email == .accountCode })
            let code = SignInCode.code(nonce: try #require(message.data["nonce"]), key: AccountFixture.key)
            let entered = try shop.post("/code/enter", ["email": "ann@example.com", "code": code], from: "/code")
            #expect(entered.response.header("Location") == SecondFactor.path)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
        }
    }

    @Test func aRecoveryCodeWorksOnce() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (_, recovery) = try enrolAnn(shop)
            try passwordLogin(shop)
            #expect(try second(shop, recovery[3].uppercased()).status == 303)
            #expect(try shop.send("GET", ".json").html == #"{"name":"Ann"}"#)
            try shop.post("/logout", [:], from: "/")
            try passwordLogin(shop)
            #expect(try second(shop, recovery[3]).status == 403)
            #expect(try second(shop, recovery[4]).status == 303)
        }
    }

    @Test func withoutAPendingLoginTheSecondStepLogsNobodyIn() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, _) = try enrolAnn(shop)
            shop.now += 60
            #expect(try shop.send("GET", SecondFactor.path.replacing("/fn/account", with: "")).response.header("Location") == Login.path)
            let response = try shop.post("/two-factor/login", ["code": TOTP.code(secret: secret, at: shop.now)], from: "/login").response
            #expect(response.header("Location") == Login.path)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            // A pending login lasts five minutes.
            try passwordLogin(shop)
            shop.now += Store.pendingLoginLifetime
            let late = try shop.post("/two-factor/login", ["code": TOTP.code(secret: secret, at: shop.now)], from: "/login").response
            #expect(late.header("Location") == Login.path)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
        }
    }

    @Test func turningItOffNeedsThePassword() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, _) = try enrolAnn(shop)
            shop.now += 60
            try passwordLogin(shop)
            try second(shop, TOTP.code(secret: secret, at: shop.now))
            let wrong = try shop.post("/two-factor", ["action": "off", "password": "wrong horse"])
            #expect(wrong.response.status == 403)
            let customer = try #require(try shop.store.customer(email: "ann@example.com"))
            #expect(try shop.store.totp(customerID: customer.id) != nil)
            let off = try shop.post("/two-factor", ["action": "off", "password": "correct horse"])
            #expect(off.response.status == 200)
            #expect(try shop.store.totp(customerID: customer.id) == nil)
            try shop.post("/logout", [:], from: "/")
            #expect(try passwordLogin(shop).header("Location") == "/fn/account")
        }
    }
}
