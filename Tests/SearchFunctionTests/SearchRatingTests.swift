import Foundation
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SearchFunction

/// Star badges on the search function's cards and its "stars & up" facet, from the approved
/// reviews at the moment of the search, through the real runtime and the default theme.
struct SearchRatingTests {
    /// The search shop with both products in stock and the tee reviewed 4 and 5 stars (4.5 from
    /// 2 reviews), the cap unreviewed.
    func ratedShop(_ directory: TemporaryDirectory) throws -> SearchShop {
        let shop = try SearchShop(directory)
        for sku in ["TEE-FOREST-S", "TEE-FOREST-M", "CAP-NAVY-ONE"] { try shop.store.setStock(sku, to: 20) }
        for stars in [4, 5] { try shop.store.addSampleReview(sku: "TEE-FOREST-M", rating: stars, price: 2500, at: 100) }
        return shop
    }

    /// The text of a JSON number.
    func number(_ value: JSON?) -> String? {
        if case .number(let text)? = value { text } else { nil }
    }

    func isNull(_ value: JSON?) -> Bool {
        if case .null? = value { true } else { false }
    }

    func isTrue(_ value: JSON?) -> Bool {
        if case .bool(true)? = value { true } else { false }
    }

    /// The badge the theme's card partial renders for 4.5 stars from 2 reviews, as static listings show it.
    static let teeBadge =
        #"<p class="card__rating"><span class="stars" aria-hidden="true">★★★★★</span><span class="visually-hidden">4.5 out of 5 stars,</span> <span class="card__rating-count">2<span class="visually-hidden"> reviews</span></span></p>"#

    @Test func cardsShowTheStarBadgeOfReviewedProductsOnly() throws {
        try withTemporaryDirectory { directory in
            let shop = try ratedShop(directory)
            let (status, html) = try shop.get("/", "")
            #expect(status == 200)
            #expect(html.components(separatedBy: Self.teeBadge).count == 2)
            #expect(html.components(separatedBy: "card__rating\"").count == 2)
        }
    }

    @Test func jsonGivesEachProductsRatingOrNull() throws {
        try withTemporaryDirectory { directory in
            let shop = try ratedShop(directory)
            guard case .array(let products)? = try shop.json("")["products"] else {
                Issue.record("no products")
                return
            }
            let tee = try #require(products.first { $0["handle"]?.string == "tee" })
            #expect(number(tee["rating"]?["average"]) == "4.5")
            #expect(number(tee["rating"]?["count"]) == "2")
            let cap = try #require(products.first { $0["handle"]?.string == "cap" })
            #expect(isNull(cap["rating"]))
        }
    }

    @Test func theRatingFacetFiltersAndCountsInThePageAndTheJSON() throws {
        try withTemporaryDirectory { directory in
            let shop = try ratedShop(directory)
            let all = try shop.json("")
            guard case .array(let ratings)? = all["ratings"] else {
                Issue.record("no ratings")
                return
            }
            #expect(ratings.map { number($0["stars"]) } == ["4", "3"])
            #expect(ratings.map { number($0["count"]) } == ["1", "1"])
            #expect(ratings.first?["url"]?.string == "/fn/search?rating=4")
            let chosen = try shop.json("rating=4")
            #expect(number(chosen["total"]) == "1")
            guard case .array(let products)? = chosen["products"] else {
                Issue.record("no products")
                return
            }
            #expect(products.map { $0["handle"]?.string } == ["tee"])
            guard case .array(let chosenRatings)? = chosen["ratings"] else { return }
            #expect(isTrue(chosenRatings.first?["selected"]))
            #expect(chosenRatings.first?["url"]?.string == "/fn/search")

            let (status, html) = try shop.get("/", "rating=4&colour=forest")
            #expect(status == 200)
            #expect(html.contains(#"<input id="search-rating-4" type="radio" name="rating" value="4" checked>"#))
            #expect(html.contains(#"<input id="search-rating-any" type="radio" name="rating" value="">"#))
            #expect(html.contains("4 stars &amp; up"))
            #expect(html.contains("1 product"))
            #expect(!html.contains("/products/cap/"))
            #expect(try shop.get("/", "rating=4&colour=navy").body.contains("0 products"))
        }
    }

    @Test(arguments: ["rating=6", "rating=0", "rating=abc", "rating=-1", "rating=4.5", "rating=%EF%BC%94", "rating=4&rating=3"])
    func badRatingsAreA400ThatSaysWhatToChange(query: String) throws {
        try withTemporaryDirectory { directory in
            let shop = try ratedShop(directory)
            let (status, html) = try shop.get("/", query)
            #expect(status == 400)
            if query.hasPrefix("rating=4&") { return }
            #expect(html.contains("The rating must be a whole number of stars from 1 to 5"))
        }
    }
}
