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

/// A non-admin cannot tell the admin path from an unknown one by any method, header or body.
struct AdminRouteHidingTests {
    /// Requests that a route without the guard would answer with a 405, 413, 411, 415 or 403.
    static let probes: [(method: String, form: String?, environment: [String: String])] = [
        ("GET", nil, [:]), ("HEAD", nil, [:]), ("POST", "a=1", [:]), ("PUT", nil, [:]), ("DELETE", nil, [:]),
        ("OPTIONS", nil, [:]), ("PATCH", "a=1", [:]), ("BREW", nil, [:]),
        ("POST", "a=1", ["HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"]),
        ("POST", "a=1", ["CONTENT_LENGTH": "1048576"]), ("POST", "{}", ["CONTENT_TYPE": "application/json"]),
        ("GET", nil, ["HTTP_ACCEPT": "application/json"]),
    ]

    /// Status, headers (in order) and body: everything a client sees but the server's Date.
    static func seen(_ answer: (response: Response, html: String)) -> String {
        let headers = answer.response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        return "\(answer.response.status)\n\(headers)\n\n\(answer.html)"
    }

    static func sameAnswers(_ shop: AccountFixture, _ who: Comment) throws {
        for probe in probes {
            let unknown = try shop.send(probe.method, "/no-such-thing", form: probe.form, environment: probe.environment)
            let admin = try shop.send(probe.method, "/admin", form: probe.form, environment: probe.environment)
            #expect(unknown.response.status == 404, "\(who): \(probe.method) \(probe.environment)")
            #expect(seen(admin) == seen(unknown), "\(who): \(probe.method) \(probe.environment)")
        }
    }

    @Test func aGuestAndACustomerGetTheAnswerOfAnUnknownAddressForEveryMethod() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try Self.sameAnswers(shop, "a guest")
            _ = try shop.formToken()
            try Self.sameAnswers(shop, "a guest with a session")
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            try Self.sameAnswers(shop, "a customer")
        }
    }

    @Test func anAdminStillGetsA405ForAMethodTheAdminPageDoesNotTake() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.store.setRole(.admin, email: "ann@example.com")
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            for method in ["POST", "PUT", "DELETE"] {
                let answer = try shop.send(method, "/admin", form: method == "POST" ? "a=1" : nil)
                #expect(answer.response.status == 405, "\(method)")
                #expect(answer.response.header("Allow") == "GET, HEAD")
            }
            #expect(try shop.send("HEAD", "/admin").response.status == 200)
            try shop.store.setRole(.customer, email: "ann@example.com")
            #expect(try shop.send("POST", "/admin", form: "a=1").response.status == 404, "the role is read on every request")
        }
    }
}
