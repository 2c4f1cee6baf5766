import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct RegistrationTests {
    @Test func aNewAndAnExistingAddressGetTheSamePageAndDifferentEmails() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let first = try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "correct horse"])
            let again = try shop.post("/register", ["email": " ANN@example.com", "name": "Eve", "password": "another pass"])
            #expect(first.response.status == 200)
            #expect(again.response.status == 200)
            #expect(first.html.visibleText.contains("Check your email"))
            #expect(first.html.visibleText == again.html.visibleText.replacing("ANN@example.com", with: "ann@example.com"))
            #expect(try shop.store.mail().map(\.email) == [.accountExists, .accountConfirm])
            #expect(try shop.store.customer(email: "ann@example.com")?.name == "Ann")
        }
    }

    @Test func aShortPasswordIsRefusedWithTheFieldNamed() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let answer = try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "short"])
            #expect(answer.response.status == 422)
            #expect(answer.html.contains("Use at least 8 characters for your password."))
            #expect(try shop.store.customer(email: "ann@example.com") == nil)
        }
    }

    @Test func aCommonPasswordIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let answer = try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "Password123"])
            #expect(answer.response.status == 422)
            #expect(answer.html.contains("one of the most common ones"))
            #expect(try shop.store.customer(email: "ann@example.com") == nil)
        }
    }

    @Test func composedAndDecomposedFormsOfOnePasswordAreTheSame() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn(password: "caf\u{E9} au lait")
            let login = try shop.post("/login", ["email": "ann@example.com", "password": "cafe\u{301} au lait"])
            #expect(login.response.status == 303)
        }
    }

    @Test func aLineBreakInAnyFieldIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let answer = try shop.post(
                "/register", ["email": "ann@example.com", "name": "Ann\r\nBcc: eve@example.com", "password": "correct horse"])
            #expect(answer.response.status == 400)
            #expect(try shop.store.mail().isEmpty)
        }
    }

    @Test func aMegabytePasswordIsRefusedBeforeItIsRead() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let token = try shop.formToken(at: "/register")
            let form = "_token=\(token)&email=ann%40example.com&name=Ann&password=" + String(repeating: "a", count: 1_000_000)
            #expect(try shop.send("POST", "/register", form: form).response.status == 413)
            #expect(try shop.store.customer(email: "ann@example.com") == nil)
        }
    }

    @Test func onlyAConfirmedAccountLogsInAndTheLinkWorksOnce() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "correct horse"])
            let early = try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            #expect(early.response.status == 403)
            #expect(early.html.contains("confirm your email address first"))
            let secret = try shop.linkSecret(.accountConfirm)
            #expect(try shop.send("GET", "/confirm", query: "token=\(secret)").html.contains("Your email address is confirmed"))
            #expect(try shop.send("GET", "/confirm", query: "token=\(secret)").response.status == 404)
            #expect(try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"]).response.status == 303)
        }
    }
}
