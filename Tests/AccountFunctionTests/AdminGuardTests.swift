import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct AdminGuardTests {
    @Test func onlyAnAdminSeesTheAdminPageAndEveryoneElseGetsTheNotFoundOfAnEmptyAddress() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let nothing = try shop.send("GET", "/nothing-here")
            #expect(nothing.response.status == 404)

            let guest = try shop.send("GET", "/admin")
            #expect(guest.response.status == 404)
            #expect(guest.html == nothing.html, "the admin page must not be told apart from an empty address")
            _ = try shop.formToken()
            #expect(try shop.send("GET", "/admin").response.status == 404, "a guest with a session")

            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let customer = try shop.send("GET", "/admin")
            #expect(customer.response.status == 404)
            #expect(customer.html == nothing.html)

            try #require(try shop.store.setRole(.admin, email: "ann@example.com") != nil)
            let admin = try shop.send("GET", "/admin")
            #expect(admin.response.status == 200)
            #expect(admin.html.visibleText.contains("Admin: Ann"))
            #expect(admin.response.header("Cache-Control") == "no-store")

            try shop.store.setRole(.customer, email: "ann@example.com")
            #expect(try shop.send("GET", "/admin").response.status == 404, "revoking takes effect on the session already open")
        }
    }

    @Test func anAdminWhoLoggedOutIsNobody() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.store.setRole(.admin, email: "ann@example.com")
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let cookie = shop.cookie
            #expect(try shop.send("GET", "/admin").response.status == 200)
            try shop.post("/logout", [:], from: "/")
            shop.cookie = cookie
            #expect(try shop.send("GET", "/admin").response.status == 404)
        }
    }
}
