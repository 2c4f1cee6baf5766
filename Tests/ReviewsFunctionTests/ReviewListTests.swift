import Foundation
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

/// `GET /fn/reviews?product=HANDLE&sort=…&page=N`, the page of all of a product's reviews,
/// through the real runtime and the default theme.
struct ReviewListTests {
    /// The fixture's tee with `count` more approved reviews, the n-th titled "Review n" with
    /// n % 5 + 1 stars, written a day apart; their ids in writing order.
    private func reviewed(_ fixture: ReviewReadingFixture, _ count: Int) throws -> [Int64] {
        try (1...count).map { n in
            try fixture.store.addSampleReview(sku: "TEE-M", rating: n % 5 + 1, title: "Review \(n)", at: 1_795_000_000 + Int64(n) * 86_400)
        }
    }

    /// The review titles of a page, in page order.
    private func titles(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"review__title\"").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    @Test func thePageShowsTheProductSummaryNewestReviewsSortFormAndPages() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            _ = try reviewed(fixture, 11)
            let (status, html) = try fixture.get("product=tee")
            #expect(status == 200)
            #expect(html.contains("href=\"/products/tee/\""))
            #expect(html.contains("class=\"review-summary\""))
            #expect(html.contains("12 reviews"))
            #expect(titles(html) == (2...11).reversed().map { "Review \($0)" })
            #expect(html.contains("<form class=\"reviews__sort\" method=\"get\" action=\"/fn/reviews\">"))
            #expect(html.contains("<input type=\"hidden\" name=\"product\" value=\"tee\">"))
            #expect(html.contains("<option value=\"newest\" selected>"))
            #expect(html.contains("href=\"/fn/reviews?product=tee&amp;page=2\" rel=\"next\""))
            #expect(html.contains("name=\"back\" value=\"/fn/reviews?product=tee#review-"))
            let second = try fixture.get("product=tee&page=2")
            #expect(second.status == 200)
            #expect(titles(second.html) == ["Review 1", "Lovely"])
        }
    }

    @Test func theFitSummaryShowsOnlyForProductsTheStoreAsks() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            _ = try fixture.store.addSampleReview(sku: "TEE-M", rating: 5, fit: .small, at: 1_795_100_000)
            #expect(try fixture.get("product=tee").html.contains("Runs small: 1, True to size: 0, Runs large: 0"))
            fixture.settings = "[reviews]\nfit_categories = [\"shoes\"]\n\n[[categories]]\nhandle = \"shoes\"\ntitle = \"Shoes\"\n"
            let (status, html) = try fixture.get("product=tee")
            #expect(status == 200 && html.contains("2 reviews"))
            #expect(!html.contains("Runs small:"))
        }
    }

    @Test func eachSortOrdersThePage() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            let ids = try reviewed(fixture, 4)
            _ = try fixture.store.vote(onReview: ids[0], by: "visitor:a", helpful: true, now: fixture.now)
            #expect(titles(try fixture.get("product=tee&sort=highest").html) == ["Review 4", "Review 3", "Lovely", "Review 2", "Review 1"])
            #expect(titles(try fixture.get("product=tee&sort=lowest").html) == ["Review 1", "Review 2", "Review 3", "Lovely", "Review 4"])
            #expect(titles(try fixture.get("product=tee&sort=helpful").html).first == "Review 1")
            let lowest = try fixture.get("product=tee&sort=lowest").html
            #expect(lowest.contains("<option value=\"lowest\" selected>"))
            #expect(lowest.contains("5 reviews, lowest rated first</h2>"))
            #expect(lowest.contains("name=\"back\" value=\"/fn/reviews?product=tee&amp;sort=lowest#review-"))
        }
    }

    @Test func aProductWithoutApprovedReviewsSaysSo() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            try fixture.store.setSampleReviewStatus(fixture.review, to: .rejected)
            let (status, html) = try fixture.get("product=tee")
            #expect(status == 200)
            #expect(html.contains("No reviews yet."))
            #expect(!html.contains("class=\"review-summary\""))
        }
    }

    @Test func unknownProductsAre404AndBadSortsOrPagesAre400() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            for query in ["product=mug", "", "product=", "product=" + String(repeating: "t", count: 101)] {
                #expect(try fixture.get(query).status == 404, "\(query)")
            }
            for query in [
                "product=tee&sort=best", "product=tee&page=0", "product=tee&page=-1", "product=tee&page=two", "product=tee&page=2",
                "product=tee&page=99999999999999999999", "product=tee&sort=newest&sort=lowest",
            ] {
                #expect(try fixture.get(query).status == 400, "\(query)")
            }
            #expect(try fixture.get("product=tee&x=" + String(repeating: "a", count: 2000)).status == 414)
            #expect(try fixture.get("product=mug").html.contains("This product cannot be found."))
            #expect(try fixture.get("product=tee&sort=best").html.contains("newest, highest, lowest or helpful"))
            #expect(try fixture.get("product=tee&page=2").html.contains("there is no page 2"))
        }
    }
}
