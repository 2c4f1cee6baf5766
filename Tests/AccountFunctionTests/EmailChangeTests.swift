import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct EmailChangeTests {
    @Test func theNewAddressIsUsedOnlyOnceItsLinkIsFollowedAndTheOldOneIsTold() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let wrong = try shop.post("/email", ["email": "ann@new.example", "email_password": "not it at all"], from: "/")
            #expect(wrong.response.status == 422)
            #expect(try shop.store.mail().first?.email != .accountEmailConfirm)
            let asked = try shop.post("/email", ["email": "Ann@New.example", "email_password": "correct horse"], from: "/")
            #expect(asked.response.header("Location") == "/fn/account?done=email")
            let sent = try #require(try shop.store.mail().first)
            #expect(sent.email == .accountEmailConfirm && sent.recipient == "ann@new.example")
            #expect(try shop.store.customer(email: "ann@example.com") != nil)
            let secret = try shop.linkSecret(.accountEmailConfirm)
            // A link of another purpose does not change the email.
            #expect(try shop.send("GET", "/confirm", query: "token=" + secret).response.status == 404)
            let followed = try shop.send("GET", "/email/confirm", query: "token=" + secret)
            #expect(followed.html.contains("Your email address was changed"))
            #expect(try shop.store.customer(email: "ann@new.example")?.name == "Ann")
            #expect(try shop.store.customer(email: "ann@example.com") == nil)
            let notice = try #require(try shop.store.mail().first)
            #expect(notice.email == .accountEmailChanged && notice.recipient == "ann@example.com")
            #expect(try shop.send("GET", "/email/confirm", query: "token=" + secret).response.status == 404)
            shop.cookie = nil
            #expect(try shop.post("/login", ["email": "ann@new.example", "password": "correct horse"]).response.status == 303)
        }
    }

    @Test func anAddressWithAnAccountIsToldAndNotTaken() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.post("/register", ["email": "bob@example.com", "name": "Bob", "password": "another horse"])
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let asked = try shop.post("/email", ["email": "bob@example.com", "email_password": "correct horse"], from: "/")
            #expect(asked.response.header("Location") == "/fn/account?done=email")
            let told = try #require(try shop.store.mail().first)
            #expect(told.email == .accountExists && told.recipient == "bob@example.com")
            #expect(try shop.store.customer(email: "ann@example.com")?.name == "Ann")
        }
    }
}
