import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import WishlistFunction

@Suite struct WishlistTests {
    @Test func aGuestsHeartStartsASessionAndTheListShowsTheProduct() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let (saved, _) = try shop.send("POST", "/add", form: "product=tee")
            #expect(saved.status == 303)
            #expect(saved.header("Location") == "/fn/wishlist?saved=tee")
            #expect(saved.header("Set-Cookie")?.hasPrefix("__Host-shelf_session=") == true)
            #expect(try shop.saved() == ["tee"])
            let (page, html) = try shop.send("GET", "/", query: "saved=tee")
            #expect(page.status == 200)
            #expect(html.contains("Saved Tee to your wish list."))
            #expect(html.contains(#"<a href="/products/tee/">Tee</a>"#))
            #expect(html.contains("€25.00"))
        }
    }

    @Test func savingTwiceKeepsOneItem() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=tee")
            try shop.send("POST", "/add", form: "product=tee")
            #expect(try shop.listJSON()["count"]?.number == "1")
        }
    }

    @Test func backSendsTheBrowserOnlyToAPathOnThisStore() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let sent = { (back: String) throws -> String? in
                try shop.send("POST", "/add", form: "product=tee&back=" + back).response.header("Location")
            }
            #expect(try sent("%2Fproducts%2Ftee%2F") == "/products/tee/")
            for foreign in ["%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example", "%2Fa%0D%0ASet-Cookie:x"] {
                #expect(try sent(foreign) == "/fn/wishlist?saved=tee", "back=\(foreign)")
            }
        }
    }

    @Test func unknownUnpublishedOrMalformedProductsAreRefusedWithoutASession() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            #expect(try shop.send("POST", "/add", form: "product=nope").response.status == 404)
            #expect(try shop.send("POST", "/add", form: "product=hidden").response.status == 404)
            #expect(try shop.send("POST", "/add", form: "product=tee&sku=MUG").response.status == 404)
            #expect(try shop.send("POST", "/add", form: "product=%3Cscript%3E").response.status == 400)
            #expect(try shop.send("POST", "/add", form: "").response.status == 400)
            #expect(shop.cookie == nil)
        }
    }

    @Test func aCrossSitePostIsRefusedAndSavesNothing() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let (response, _) = try shop.send(
                "POST", "/add", form: "product=tee",
                environment: ["HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"])
            #expect(response.status == 403)
            #expect(shop.cookie == nil)
        }
    }

    @Test func aHugeFormIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let response = try shop.send("POST", "/add", form: "product=tee&pad=" + String(repeating: "x", count: 100_000)).response
            #expect(response.status == 413)
            #expect(shop.cookie == nil)
        }
    }

    @Test func removingNeedsTheSessionsFormToken() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=tee")
            #expect(try shop.send("POST", "/remove", form: "product=tee").response.status == 403)
            #expect(try shop.send("POST", "/remove", form: "product=tee&_token=forged").response.status == 403)
            let removed = try shop.send("POST", "/remove", form: "product=tee&_token=\(try shop.token())").response
            #expect(removed.status == 303 && removed.header("Location") == "/fn/wishlist?removed=tee")
            #expect(try shop.saved().isEmpty)
        }
    }

    @Test func aScriptTogglesWithJSONAndTheTokenHeader() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let json = ["HTTP_ACCEPT": "application/json"]
            let added = try JSON.parse(try shop.send("POST", "/add", form: "product=mug", environment: json).response.body)
            #expect(added["saved"]?.flag == true && added["count"]?.number == "1")
            let token = try #require(added["token"]?.string)
            let removed = try shop.send(
                "POST", "/remove", form: "product=mug", environment: json.merging(["HTTP_X_SHELF_TOKEN": token]) { $1 })
            #expect(try JSON.parse(removed.response.body)["saved"]?.flag == false)
        }
    }

    @Test func movingToTheCartNeedsAVariantThenTakesTheItemOffTheList() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=tee")
            let html = try shop.send("GET", "/").html
            #expect(html.contains(#"<option value="TEE-S" disabled>S (sold out)</option>"#))
            let token = try shop.token()
            let unchosen = try shop.send("POST", "/move", form: "product=tee&_token=\(token)").response
            #expect(unchosen.status == 422)
            #expect(try shop.send("POST", "/move", form: "product=tee&sku=TEE-M").response.status == 403)
            let moved = try shop.send("POST", "/move", form: "product=tee&sku=TEE-M&_token=\(token)").response
            #expect(moved.status == 303 && moved.header("Location") == "/fn/wishlist?moved=tee")
            let session = try #require(try shop.session())
            #expect(try shop.store.cartLines(in: session).map { "\($0.variant.sku) \($0.quantity)" } == ["TEE-M 1"])
            #expect(try shop.saved().isEmpty)
            #expect(try shop.send("GET", "/", query: "moved=tee").html.contains("Moved Tee to your cart."))
        }
    }

    @Test func aSoldOutVariantStaysOnTheList() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=mug")
            #expect(!(try shop.send("GET", "/").html.contains("Move to cart")))
            let refused = try shop.send("POST", "/move", form: "product=mug&_token=\(try shop.token())").response
            #expect(refused.status == 409)
            #expect(try shop.saved() == ["mug"])
        }
    }

    @Test func theListSaysWhenThePriceDroppedOrTheStockCameBack() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=tee")
            try shop.send("POST", "/add", form: "product=mug")
            #expect(!(try shop.send("GET", "/").html.contains("Price dropped")))
            try shop.store.syncCatalogue(WishlistFixture.catalogue(teePrice: 1900), categories: [])
            try shop.store.setStock("MUG", to: 4)
            let html = try shop.send("GET", "/").html
            #expect(html.contains("Price dropped from €25.00"))
            #expect(html.contains("€19.00"))
            #expect(html.contains("Back in stock"))
            // The single-variant mug moves without a choice.
            let moved = try shop.send("POST", "/move", form: "product=mug&_token=\(try shop.token())").response
            #expect(moved.status == 303)
        }
    }

    @Test func aGuestsListMergesIntoTheAccountAtLoginAndLaterSavesGoToTheAccount() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            try shop.send("POST", "/add", form: "product=tee")
            let ann = try shop.logInAnn()
            #expect(try shop.saved() == ["tee"])
            try shop.send("POST", "/add", form: "product=mug")
            #expect(try shop.store.wishlist(of: .customer(ann)).map(\.productHandle) == ["mug", "tee"])
        }
    }

    @Test func aFullListRefusesAnotherProductWith409() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let many = (1...Store.wishlistCapacity).map { Product.sample("p\($0)", skus: ["P\($0)"]) }
            try shop.store.syncCatalogue(WishlistFixture.catalogue() + many, categories: [])
            try shop.send("POST", "/add", form: "product=tee")
            let owner = WishlistOwner(try #require(try shop.session()))
            for product in many.dropLast() { try shop.store.addToWishlist(product.handle, for: owner, now: shop.now) }
            let refused = try shop.send("POST", "/add", form: "product=mug").response
            #expect(refused.status == 409)
            #expect(try shop.send("POST", "/add", form: "product=tee").response.status == 303)
            #expect(try shop.store.wishlistCount(of: owner) == Store.wishlistCapacity)
        }
    }

    @Test func readingTheListNeverStartsASession() throws {
        try withTemporaryDirectory { directory in
            let shop = try WishlistFixture(directory)
            let json = try shop.listJSON()
            #expect(json["count"]?.number == "0" && json["token"]?.isNull == true)
            #expect(try shop.send("GET", "/").html.contains("Your wish list is empty."))
            #expect(shop.cookie == nil)
        }
    }
}
