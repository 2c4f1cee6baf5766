import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct SettingsTests {
    @Test func theNameChangesAndAnEmptyOneIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let empty = try shop.post("/name", ["name": "  "], from: "/")
            #expect(empty.response.status == 422)
            #expect(empty.html.contains("Name is required"))
            let renamed = try shop.post("/name", ["name": "Ann Smith"], from: "/")
            #expect(renamed.response.header("Location") == "/fn/account?done=name")
            #expect(try shop.store.customer(email: "ann@example.com")?.name == "Ann Smith")
            #expect(try shop.send("GET", "/", query: "done=name").html.visibleText.contains("Your name was changed."))
        }
    }

    @Test func changingThePasswordNeedsTheCurrentOneEndsOtherSessionsAndEmails() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let elsewhere = try #require(shop.cookie)
            shop.cookie = nil
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let before = try #require(try shop.store.customer(email: "ann@example.com")).passwordHash
            let wrong = try shop.post("/password", ["current_password": "not it at all", "new_password": "battery staple"], from: "/")
            #expect(wrong.response.status == 422)
            #expect(wrong.html.contains("The current password is not right"))
            let common = try shop.post("/password", ["current_password": "correct horse", "new_password": "password1"], from: "/")
            #expect(common.response.status == 422)
            #expect(try shop.store.customer(email: "ann@example.com")?.passwordHash == before)
            let changed = try shop.post("/password", ["current_password": "correct horse", "new_password": "battery staple"], from: "/")
            #expect(changed.response.header("Location") == "/fn/account?done=password")
            #expect(try shop.send("GET", "/").html.contains("You are logged in as Ann."))
            #expect(try shop.store.mail().first?.email == .accountPasswordChanged)
            shop.cookie = elsewhere
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            shop.cookie = nil
            let old = try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            #expect(old.response.status == 403)
            let new = try shop.post("/login", ["email": "ann@example.com", "password": "battery staple"])
            #expect(new.response.status == 303)
        }
    }
}
