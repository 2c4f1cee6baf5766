import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct SignInCodeTests {
    /// The code of the newest sign-in code email, as the mail deliverer derives it.
    func emailedCode(_ shop: AccountFixture) throws -> String {
        guard let message = try shop.store.mail().first(where: { $0.email == .accountCode }), let nonce = message.data["nonce"] else {
            throw FixtureError("no sign-in code email")
        }
        return SignInCode.code(nonce: nonce, key: AccountFixture.key)
    }

    @discardableResult
    func enter(_ shop: AccountFixture, _ code: String, email: String = "ann@example.com") throws -> (response: Response, html: String) {
        try shop.post("/code/enter", ["email": email, "code": code], from: "/code")
    }

    @Test func anEmailedCodeLogsInOnceWithANewCookieAndTheCart() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let asked = try shop.post("/code", ["email": "Ann@Example.com"], from: "/login")
            #expect(asked.response.status == 200)
            #expect(asked.html.visibleText.contains("If an account uses Ann@Example.com, we have emailed it a 6-digit code"))
            let before = try #require(shop.cookie)
            let guest = try #require(
                try shop.store.session(tokenHash: SessionCookie.hash(String(before.split(separator: "=")[1])), now: shop.now))
            try shop.store.addToCart("TEE-M", quantity: 1, in: guest, now: shop.now, maxPerLine: 10)
            let code = try emailedCode(shop)
            #expect(code.count == 6)
            let login = try enter(shop, code)
            #expect(login.response.status == 303)
            #expect(login.response.header("Location") == "/fn/account")
            let after = try #require(shop.cookie)
            #expect(after != before)
            let session = try #require(
                try shop.store.session(tokenHash: SessionCookie.hash(String(after.split(separator: "=")[1])), now: shop.now))
            #expect(try shop.store.cartLines(in: session).map(\.quantity) == [1])
            #expect(try shop.send("GET", "/").html.contains("You are logged in as Ann."))
            // Logged out, the same code is spent.
            try shop.post("/logout", [:], from: "/")
            let again = try enter(shop, code)
            #expect(again.response.status == 403)
            #expect(again.html.contains(CodeSignIn.wrongCode))
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
        }
    }

    @Test func fiveWrongCodesVoidTheCode() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let code = try emailedCode(shop)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 { #expect(try enter(shop, wrong).response.status == 403) }
            let late = try enter(shop, code)
            #expect(late.response.status == 403)
            #expect(late.html.contains(CodeSignIn.wrongCode))
        }
    }

    @Test func fourWrongCodesStillLeaveTheRightOneWorking() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let code = try emailedCode(shop)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<4 { try enter(shop, wrong) }
            #expect(try enter(shop, code).response.status == 303)
        }
    }

    @Test func aCodeExpiresAfterTenMinutes() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let code = try emailedCode(shop)
            shop.now += 600
            #expect(try enter(shop, code).response.status == 403)
        }
    }

    @Test func anUnknownAddressGetsTheSameAnswerAndNoEmail() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let known = try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let unknown = try shop.post("/code", ["email": "bob@example.com"], from: "/login")
            #expect(unknown.response.status == known.response.status)
            func words(_ html: String) -> String {
                html.visibleText.replacing("ann@example.com", with: "X").replacing("bob@example.com", with: "X")
            }
            #expect(words(unknown.html.replacing(/value="[^"]*"/, with: "")) == words(known.html.replacing(/value="[^"]*"/, with: "")))
            #expect(try shop.store.mail().filter { $0.email == .accountCode }.map(\.recipient) == ["ann@example.com"])
        }
    }

    @Test func atMostThreeCodesAnHourAndOnlyTheNewestWorks() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let first = try emailedCode(shop)
            for _ in 0..<4 { try shop.post("/code", ["email": "ann@example.com"], from: "/login") }
            #expect(try shop.store.mail().filter { $0.email == .accountCode }.count == 3)
            let newest = try emailedCode(shop)
            if first != newest { #expect(try enter(shop, first).response.status == 403) }
            #expect(try enter(shop, newest).response.status == 303)
        }
    }

    @Test func aLockedOrUnconfirmedAccountCannotSignInWithACode() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "correct horse"])
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let unconfirmed = try enter(shop, try emailedCode(shop))
            #expect(unconfirmed.response.status == 403)
            #expect(unconfirmed.html.contains(CustomerSession.unconfirmed))
            try shop.send("GET", "/confirm", query: "token=" + shop.linkSecret(.accountConfirm))
            for _ in 0..<3 { try shop.post("/login", ["email": "ann@example.com", "password": "wrong horse"]) }
            try shop.post("/code", ["email": "ann@example.com"], from: "/login")
            let locked = try enter(shop, try emailedCode(shop))
            #expect(locked.response.status == 403)
            #expect(locked.html.contains(Login.locked))
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
        }
    }
}
