import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct ResetTests {
    @Test func aResetAnswersTheSameForAnyAddressAndEmailsOnlyAKnownOne() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let known = try shop.post("/reset", ["email": "ann@example.com"])
            let unknown = try shop.post("/reset", ["email": "bob@example.com"])
            #expect(known.response.status == unknown.response.status)
            #expect(known.html.visibleText.replacing("ann@", with: "bob@") == unknown.html.visibleText)
            #expect(try shop.store.mail().filter { $0.email == .accountReset }.map(\.recipient) == ["ann@example.com"])
        }
    }

    @Test func theResetLinkSetsThePasswordOnceAndEndsTheOtherSessions() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let elsewhere = try #require(shop.cookie)
            shop.cookie = nil
            try shop.post("/reset", ["email": "ann@example.com"])
            let secret = try shop.linkSecret(.accountReset)
            let done = try shop.post("/reset/new", ["token": secret, "password": "battery staple"], query: "token=\(secret)")
            #expect(done.response.header("Location") == "/fn/account/login?changed=1")
            #expect(try shop.send("GET", "/reset/new", query: "token=\(secret)").response.status == 404)
            let reused = try shop.post("/reset/new", ["token": secret, "password": "other password"], from: "/login")
            #expect(reused.response.status == 404)
            #expect(try shop.store.mail().first?.email == .accountPasswordChanged)
            let mine = shop.cookie
            shop.cookie = elsewhere
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            shop.cookie = mine
            #expect(try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"]).response.status == 403)
            #expect(try shop.post("/login", ["email": "ann@example.com", "password": "battery staple"]).response.status == 303)
        }
    }

    @Test func aLinkOfOnePurposeOpensNothingElse() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "correct horse"])
            let confirm = try shop.linkSecret(.accountConfirm)
            #expect(try shop.send("GET", "/reset/new", query: "token=\(confirm)").response.status == 404)
            #expect(try shop.send("GET", "/unlock", query: "token=\(confirm)").response.status == 404)
            #expect(try shop.send("GET", "/confirm", query: "token=not-a-token").response.status == 404)
            #expect(try shop.store.customer(email: "ann@example.com")?.isConfirmed == false)
        }
    }
}
