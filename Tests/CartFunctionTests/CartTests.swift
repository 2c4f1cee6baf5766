import Glibc
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import CartFunction

@Suite struct CartTests {
    @Test func addingAnswersA303WithASessionCookieAndStoresTheLine() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/add", form: "sku=TEE-FOREST-S&quantity=2")
            #expect(response.status == 303)
            #expect(response.header("Location") == "/fn/cart?notice=added&sku=TEE-FOREST-S")
            let setCookie = try #require(response.header("Set-Cookie"))
            #expect(setCookie.hasPrefix("shelf_session="))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))

            let json = try cart.cartJSON()
            #expect(json["count"]?.scalarText == "2")
            let line = try #require(json["lines"]?.items.first)
            #expect(line["title"]?.string == "Organic Tee")
            #expect(line["options"]?.items.map { $0["value"]?.string } == ["Forest", "S"])
            #expect(line["line_total"]?["amount"]?.scalarText == "5000")
            #expect(line["line_total"]?["formatted"]?.string == "€50.00")
        }
    }

    @Test func theSessionCookieIsSecureAndPrefixedOverHTTPS() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send(
                "POST", "/add", form: "sku=CAP-NAVY-ONE", headers: ["HTTP_ORIGIN": CartFixture.baseURL, "HTTPS": "on"])
            let setCookie = try #require(response.header("Set-Cookie"))
            #expect(setCookie.hasPrefix("__Host-shelf_session=") && setCookie.hasSuffix("; Secure"))
            #expect(response.header("Strict-Transport-Security") != nil)
        }
    }

    @Test func aForgedPriceIsIgnored() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=1&price=1&unit_price=1&total=1")
            let line = try #require(try cart.cartJSON()["lines"]?.items.first)
            #expect(line["unit_price"]?["amount"]?.scalarText == "1800")
        }
    }

    @Test func addingMoreThanTheStockCapsTheLineAndSaysSo() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/add", json: #"{"sku": "TEE-FOREST-M", "quantity": 5}"#)
            #expect(response.status == 200)
            let json = try JSON.parse(response.body)
            #expect(json["notice"]?["kind"]?.string == "limited-stock")
            #expect(json["notice"]?["message"]?.string == "Only 2 of Organic Tee — Forest / M in stock, so your cart holds 2.")
            #expect(json["cart"]?["count"]?.scalarText == "2")
        }
    }

    @Test func anAddIsRecordedWithTheUnitsThatWentIntoTheCart() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            // 5 asked for, 2 in stock; then 1 more, which the stock leaves out.
            try cart.send("POST", "/add", json: #"{"sku": "TEE-FOREST-M", "quantity": 5}"#)
            try cart.send("POST", "/add", json: #"{"sku": "TEE-FOREST-M", "quantity": 1}"#)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=3")
            let adds = try cart.store.analyticsEvents().map(\.event).filter { $0.kind == .cartAdd }
            #expect(adds.map(\.detail) == ["TEE-FOREST-M", "CAP-NAVY-ONE"])
            #expect(adds.map(\.amount) == [2, 3])
        }
    }

    @Test func aSoldOutUnknownOrMalformedItemIsRefused() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            #expect(try cart.send("POST", "/add", form: "sku=TEE-SAND-S").status == 409)
            #expect(try cart.send("POST", "/add", form: "sku=NOPE-1").status == 400)
            #expect(try cart.send("POST", "/add", form: "sku=<script>").status == 400)
            #expect(try cart.send("POST", "/add", form: "quantity=1").status == 422)
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
            // A refused add starts no session: no cookie, and no row under the token it would have had.
            #expect(cart.cookie == nil)
            let token = SessionCookie.newToken(FixedRandom(byte: cart.randomByte))
            #expect(try cart.store.session(tokenHash: SessionCookie.hash(token), now: cart.now) == nil)
        }
    }

    @Test func anAddWithTheCookieOfAnExpiredSessionStartsANewOne() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE")
            let expired = try #require(cart.cookie)
            cart.now += 31 * 86_400
            cart.randomByte = 2
            let response = try cart.send("POST", "/add", form: "sku=TEE-FOREST-S")
            #expect(response.status == 303)
            #expect(response.header("Set-Cookie")?.contains("Max-Age=2592000") == true)
            #expect(cart.cookie != expired)
            let lines = try cart.cartJSON()["lines"]?.items.map { $0["sku"]?.string }
            #expect(lines == ["TEE-FOREST-S"])
        }
    }

    /// With the page's right token, an update or removal after the session expired says the
    /// cart is gone; a wrong token still asks to reload the page. Neither changes anything.
    @Test func anUpdateAfterTheSessionExpiredIsRefusedAndChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=2")
            let token = try cart.token()
            let started = cart.now
            cart.now += 31 * 86_400
            let refused = try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=5&_token=\(token)")
            #expect(refused.status == 403)
            #expect(String(decoding: refused.body, as: UTF8.self).contains("Your cart has expired. Please add the items again."))
            let removal = try cart.send("POST", "/remove", form: "sku=CAP-NAVY-ONE&_token=\(token)")
            #expect(removal.status == 403)
            #expect(String(decoding: removal.body, as: UTF8.self).contains("Your cart has expired. Please add the items again."))
            let forged = String(token.dropLast()) + (token.hasSuffix("A") ? "B" : "A")
            let wrong = try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=5&_token=\(forged)")
            #expect(wrong.status == 403)
            #expect(String(decoding: wrong.body, as: UTF8.self).contains("This form has expired. Reload the page and try again."))
            cart.now = started
            #expect(try cart.cartJSON()["count"]?.scalarText == "2")
        }
    }

    @Test func addingBeforeChoosingASizeAsksForOne() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let asked = try cart.send("POST", "/add", form: "choose=size&option=sand&quantity=1")
            #expect(asked.status == 422)
            #expect(String(decoding: asked.body, as: UTF8.self).contains("Choose a size, then add it to your cart."))
            let odd = try cart.send("POST", "/add", form: "choose=%3Cb%3Esize%3C%2Fb%3E&sku=")
            #expect(odd.status == 422)
            #expect(String(decoding: odd.body, as: UTF8.self).contains("Choose an option, then add it to your cart."))
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
            #expect(cart.cookie == nil)
        }
    }

    @Test(arguments: ["abc", "0", "-1", "1.5", "11", "1e2", " 1", "99999"])
    func aBadQuantityIs400(_ quantity: String) throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=\(quantity)")
            #expect(response.status == 400)
            #expect(String(decoding: response.body, as: UTF8.self).contains("whole number from 1 to 10"))
        }
    }

    @Test func theSameFieldTwiceIs400() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            #expect(try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=1&quantity=9").status == 400)
        }
    }

    @Test func updatingAndRemovingNeedTheFormToken() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE")
            #expect(try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=3").status == 403)
            #expect(try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=3&_token=forged").status == 403)
            let token = try cart.token()
            let updated = try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=3&_token=\(token)")
            #expect(updated.status == 303)
            #expect(updated.header("Location") == "/fn/cart?notice=updated&sku=CAP-NAVY-ONE")
            #expect(try cart.cartJSON()["count"]?.scalarText == "3")

            #expect(try cart.send("POST", "/remove", form: "sku=CAP-NAVY-ONE").status == 403)
            let removed = try cart.send("POST", "/remove", form: "sku=CAP-NAVY-ONE&_token=\(token)")
            #expect(removed.status == 303)
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
        }
    }

    @Test func updatingToZeroRemovesTheLine() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE&quantity=4")
            let token = try cart.token()
            let response = try cart.send("POST", "/update", form: "sku=CAP-NAVY-ONE&quantity=0&_token=\(token)")
            #expect(response.header("Location") == "/fn/cart?notice=removed&sku=CAP-NAVY-ONE")
            #expect(try cart.cartJSON()["lines"]?.items.isEmpty == true)
        }
    }

    @Test func anotherShoppersTokenDoesNotWork() throws {
        try withTemporaryDirectory { directory in
            let first = try CartFixture(directory)
            try first.send("POST", "/add", form: "sku=CAP-NAVY-ONE")
            let firstToken = try first.token()
            let second = try CartFixture(directory)
            second.randomByte = 2
            try second.send("POST", "/add", form: "sku=TEE-FOREST-S")
            #expect(try second.send("POST", "/remove", form: "sku=TEE-FOREST-S&_token=\(firstToken)").status == 403)
            #expect(try second.cartJSON()["count"]?.scalarText == "1")
            #expect(try first.cartJSON()["count"]?.scalarText == "1")
        }
    }

    @Test func aCartExpiresAfterItsLifetime() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE")
            cart.now += 29 * 86_400
            #expect(try cart.cartJSON()["count"]?.scalarText == "1")
            cart.now += 2 * 86_400
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
        }
    }

    @Test func aVisitSlidesTheSessionAlongAtMostOnceAnHour() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            #expect(try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE").header("Set-Cookie") != nil)
            let started = cart.now
            cart.now += 600
            #expect(try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE").header("Set-Cookie") == nil)
            cart.now = started + 2 * 3600
            let slid = try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE").header("Set-Cookie")
            #expect(slid?.contains("Max-Age=2592000") == true)
            // 30 days after the first add the cart would be gone had the last add not slid it.
            cart.now = started + 30 * 86_400 + 3600
            #expect(try cart.cartJSON()["count"]?.scalarText == "3")
            cart.now = started + 2 * 3600 + 30 * 86_400
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
        }
    }

    @Test func crossSitePostsAreRefused() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let evil = try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE", headers: ["HTTP_ORIGIN": "https://evil.example"])
            #expect(evil.status == 403)
            let fetch = try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE", headers: ["HTTP_SEC_FETCH_SITE": "cross-site"])
            #expect(fetch.status == 403)
            #expect(try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE", headers: [:]).status == 403)
            #expect(try cart.cartJSON()["count"]?.scalarText == "0")
        }
    }

    @Test func limitsRoutesAndMethods() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let big = "sku=CAP-NAVY-ONE&note=" + String(repeating: "x", count: 5000)
            #expect(try cart.send("POST", "/add", form: big).status == 413)
            #expect(try cart.send("GET", "/nope").status == 404)
            let wrong = try cart.send("GET", "/add")
            #expect(wrong.status == 405)
            #expect(wrong.header("Allow") == "POST")
            let plain = try cart.send("POST", "/add", headers: ["HTTP_ORIGIN": CartFixture.baseURL, "CONTENT_TYPE": "text/plain"])
            #expect(plain.status == 422)  // no body: no size chosen
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeadersAndNoStore() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            for response in [try cart.send("GET", ".json"), try cart.send("GET", "/nope"), try cart.send("POST", "/add", form: "sku=X")] {
                #expect(response.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") != nil)
                #expect(response.header("Cache-Control") == "no-store")
            }
        }
    }

    @Test func errorsForJSONClientsAreJSONWithASafeMessage() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/add", json: #"{"sku": "TEE-SAND-S"}"#)
            #expect(response.status == 409)
            let json = try JSON.parse(response.body)
            #expect(json["error"]?["status"]?.scalarText == "409")
            #expect(json["error"]?["message"]?.string == "Sorry, this item is sold out.")
        }
    }

    @Test func aHandlerThatOverrunsAnswers503() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let slow = Function(
                name: "slow",
                routes: [
                    Route(.get, "/") { _, _ in
                        while true { usleep(100_000) }
                    }
                ])
            // The handler never returns: only the time limit can produce an answer.
            let response = try cart.send("GET", "/", function: slow, timeout: 1)
            #expect(response.status == 503)
        }
    }
}

@Suite struct CartLineLimitTests {
    @Test func aFullCartRefusesANewLineWithAClearMessageButStillChangesItsLines() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            cart.configText += "\nmax_lines = 2\n"
            #expect(try cart.send("POST", "/add", form: "sku=TEE-FOREST-S").status == 303)
            #expect(try cart.send("POST", "/add", form: "sku=TEE-FOREST-M").status == 303)
            let refused = try cart.send("POST", "/add", form: "sku=CAP-NAVY-ONE")
            #expect(refused.status == 409)
            #expect(
                String(decoding: refused.body, as: UTF8.self).contains(
                    "Your cart holds 2 different items, the most it can. Remove one to add another."))
            let json = try cart.send("POST", "/add", json: #"{"sku": "CAP-NAVY-ONE", "quantity": 1}"#)
            #expect(json.status == 409)
            #expect(try JSON.parse(json.body)["error"]?["message"]?.string?.hasPrefix("Your cart holds 2 different items") == true)
            // The lines it has still take more.
            #expect(try cart.send("POST", "/add", form: "sku=TEE-FOREST-S").status == 303)
            #expect(try cart.cartJSON()["count"]?.scalarText == "3")
        }
    }

    @Test func theDefaultIsFiftyLines() throws {
        #expect(try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"https://s.example\"\ncurrency = \"EUR\"").cart.maxLines == 50)
        #expect(throws: SiteError.self) {
            try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"https://s.example\"\ncurrency = \"EUR\"\n[cart]\nmax_lines = 0")
        }
    }
}
