import ShelfCore
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import ReviewsFunction

/// The signed review link, the form, editing and deleting, through the function's runtime.
struct ReviewWritingTests {
    private let good = ["rating": "5", "title": "Lovely tee", "body": "Soft and warm.", "fit": "true", "name": "Ada L."]

    @Test func theFormOffersStarsFitAndTheBuyersFirstNameAndInitial() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let page = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(page.response.status == 200)
            for stars in 1...5 { #expect(page.html.contains("name=\"rating\" id=\"rating-\(stars)\" value=\"\(stars)\"")) }
            #expect(page.html.contains("<legend class=\"form__title\">How does it fit?"))
            #expect(
                page.html.contains("id=\"field-name\" name=\"name\" type=\"text\" maxlength=\"80\" autocomplete=\"off\" value=\"Ada L.\""))
            #expect(page.html.contains("name=\"_token\" value=\""))
            #expect(page.response.header("Set-Cookie") == nil)
        }
    }

    @Test func writingThenWritingAgainEditsTheOneReview() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let saved = try shop.write(shop.linkQuery(order), good)
            #expect(saved.response.status == 303)
            let reviews = try shop.store.reviews(.all)
            #expect(reviews.map(\.title) == ["Lovely tee"] && reviews.first?.status == .pending && reviews.first?.fit == .trueToSize)
            let again = try shop.send("GET", "/write", query: shop.linkQuery(order) + "&done=saved")
            #expect(again.html.contains("once the shop has checked it"))
            #expect(again.html.contains("Edit your review") && again.html.contains("value=\"Lovely tee\""))
            #expect(again.html.contains("id=\"rating-5\" value=\"5\" checked"))
            try shop.write(shop.linkQuery(order), good.merging(["rating": "3", "title": "Shrank"]) { $1 })
            #expect(try shop.store.reviews(.all).map(\.title) == ["Shrank"])
            #expect(try shop.store.reviews(.all).map(\.rating) == [3])
        }
    }

    @Test func postModerationPublishesAtOnce() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            shop.settings = "[reviews]\nmoderation = \"post\"\n"
            let order = try shop.order()
            try shop.write(shop.linkQuery(order, line: 2), good)
            #expect(try shop.store.reviews(.all).map(\.status) == [.approved])
            #expect(try shop.store.reviewVersion() == 1)
        }
    }

    @Test func theBuyerCanDeleteTheirReview() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            try shop.write(shop.linkQuery(order), good)
            let deleted = try shop.write(shop.linkQuery(order), [:], to: "/delete")
            #expect(deleted.response.status == 303)
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func forgedExpiredAndOtherOrdersLinksAreRefusedAndNothingIsStored() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let other = try shop.order()
            let genuine = shop.linkQuery(order)
            let expires = shop.now + ReviewLink.lifetime
            let refused = [
                (shop.linkQuery(order, key: [UInt8](repeating: 1, count: 32)), 404),
                (genuine.replacing("o=\(order.number)", with: "o=\(other.number)"), 404),
                (genuine.replacing("l=1", with: "l=2"), 404),
                (genuine.replacing("e=\(expires)", with: "e=\(expires + 1)"), 404),
                (shop.linkQuery(order, line: 7), 404),
                (shop.linkQuery(order, expires: shop.now - 1), 410),
                ("o=\(order.number)&l=1", 404),
            ]
            for (query, status) in refused {
                #expect(try shop.send("GET", "/write", query: query).response.status == status, "\(query)")
                let posted = try shop.send("POST", "/write", form: query + "&rating=5&title=x&body=y&name=z")
                #expect(posted.response.status == status, "\(query)")
            }
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func anUndeliveredOrderCannotBeReviewedYet() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order(delivered: false)
            let page = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(page.response.status == 409)
            #expect(page.html.contains("once your order has been delivered"))
        }
    }

    @Test func aPostWithoutTheFormTokenIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            _ = try shop.send("GET", "/write", query: shop.linkQuery(order))
            let form = shop.linkQuery(order) + "&rating=5&title=x&body=y&name=z"
            #expect(try shop.send("POST", "/write", form: form).response.status == 403)
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func aBrowserThatRefusesCookiesWritesEditsAndDeletes() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let form = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(form.response.status == 200 && form.response.header("Set-Cookie") == nil)
            #expect(try shop.write(shop.linkQuery(order), good).response.status == 303)
            #expect(try shop.write(shop.linkQuery(order), good.merging(["title": "Shrank"]) { $1 }).response.status == 303)
            #expect(try shop.store.reviews(.all).map(\.title) == ["Shrank"])
            #expect(try shop.write(shop.linkQuery(order), [:], to: "/delete").response.status == 303)
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func aTokenOfAnotherLineOrAlteredIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let other = ReviewWritingFixture.hiddenFields(in: try shop.send("GET", "/write", query: shop.linkQuery(order, line: 2)).html)
            let own = ReviewWritingFixture.hiddenFields(in: try shop.send("GET", "/write", query: shop.linkQuery(order)).html)
            let token = try #require(own["_token"])
            let tokens = [
                try #require(other["_token"]),
                String(token.dropLast()) + (token.hasSuffix("A") ? "B" : "A"),
                try #require(own["sig"]),
                FormToken.make(sessionHash: "any", key: HMACSHA256Key(ReviewWritingFixture.key)),
            ]
            for forged in tokens {
                let form = shop.linkQuery(order) + "&_token=\(ReviewWritingFixture.encode(forged))&rating=5&title=x&body=y&name=z"
                #expect(try shop.send("POST", "/write", form: form).response.status == 403, "\(forged)")
                let deleting = shop.linkQuery(order) + "&_token=\(ReviewWritingFixture.encode(forged))"
                #expect(try shop.send("POST", "/delete", form: deleting).response.status == 403, "\(forged)")
            }
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func aCrossSitePostWithTheRightTokenIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let fields = ReviewWritingFixture.hiddenFields(in: try shop.send("GET", "/write", query: shop.linkQuery(order)).html)
            let token = try #require(fields["_token"])
            let form = shop.linkQuery(order) + "&_token=\(ReviewWritingFixture.encode(token))&rating=5&title=x&body=y&name=z"
            #expect(try shop.send("POST", "/write", form: form, origin: "https://evil.example").response.status == 403)
            #expect(try shop.send("POST", "/write", form: form).response.status == 303)
            #expect(try shop.store.reviews(.all).count == 1)
        }
    }

    @Test func aProductOutsideTheFitCategoriesIsNotAskedHowItFits() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            shop.settings = "[reviews]\nfit_categories = [\"shoes\"]\n\n[[categories]]\nhandle = \"shoes\"\ntitle = \"Shoes\"\n"
            let order = try shop.order()
            let page = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(page.response.status == 200 && !page.html.contains("How does it fit?"))
            #expect(try shop.write(shop.linkQuery(order), good.merging(["fit": "small"]) { $1 }).response.status == 303)
            #expect(try shop.store.reviews(.all).map(\.fit) == [nil])
        }
    }

    @Test func aProductInTheFitCategoriesIsAskedEvenWithoutASizeOption() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            var scarf = Product.sample("scarf", categories: ["women"])
            scarf.options[0].name = "Colour"
            try shop.store.syncCatalogue([.sample("tee"), scarf], categories: [.sample("women")])
            try shop.store.setStock("SCARF-M", to: 5)
            shop.settings = "[reviews]\nfit_categories = [\"women\"]\n\n[[categories]]\nhandle = \"women\"\ntitle = \"Women\"\n"
            let order = try shop.order(of: "SCARF-M")
            #expect(try shop.send("GET", "/write", query: shop.linkQuery(order)).html.contains("How does it fit?"))
            #expect(try shop.write(shop.linkQuery(order), good.merging(["fit": "large"]) { $1 }).response.status == 303)
            #expect(try shop.store.reviews(.all).map(\.fit) == [.large])
        }
    }

    @Test func badInputIsShownBesideItsFieldAndNothingIsStored() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            for rating in ["0", "6", "2.5", "five"] {
                let answer = try shop.write(shop.linkQuery(order), good.merging(["rating": rating]) { $1 })
                #expect(answer.response.status == 422)
                #expect(answer.html.contains("<p id=\"error-rating\" class=\"field__error\">Choose from 1 to 5 stars.</p>"))
            }
            let hidden = try shop.write(shop.linkQuery(order), good.merging(["title": "\u{200B}\u{202E}", "name": "\r\n"]) { $1 })
            #expect(hidden.response.status == 422)
            #expect(hidden.html.contains("<p id=\"error-title\" class=\"field__error\">Write a title.</p>"))
            #expect(hidden.html.contains("<p id=\"error-name\" class=\"field__error\">Write the name to show.</p>"))
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func scriptsAreStoredAsTextAndEscapedOnTheForm() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let evil = "<script>alert(1)</script>"
            try shop.write(shop.linkQuery(order), good.merging(["title": evil, "body": "\"><img src=x onerror=alert(1)>"]) { $1 })
            #expect(try shop.store.reviews(.all).map(\.title) == [evil])
            let page = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(!page.html.contains(evil) && !page.html.contains("<img src=x"))
            #expect(page.html.contains("&lt;script&gt;"))
        }
    }

    @Test func aBodyFarBeyondTheLimitIs413() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            let answer = try shop.write(shop.linkQuery(order), good.merging(["body": String(repeating: "a", count: 100_000)]) { $1 })
            #expect(answer.response.status == 413)
            #expect(try shop.store.reviews(.all).isEmpty)
        }
    }

    @Test func aRejectedReviewCanNoLongerBeChanged() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            try shop.write(shop.linkQuery(order), good)
            let review = try #require(try shop.store.reviews(.all).first)
            try shop.store.rejectReview(review.id, now: shop.now)
            #expect(try shop.send("GET", "/write", query: shop.linkQuery(order)).response.status == 409)
        }
    }
}
