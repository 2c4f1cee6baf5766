import Foundation
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfSite

/// Product pages and cards show approved reviews, and only then rating markup; a review change
/// rebuilds exactly the pages that show it; a deleted product shows its reviews nowhere.
@Suite struct ReviewPagesTests {
    /// The fixture with its stock imported and `reviews` (SKU, stars, title, status) written,
    /// built once.
    private func builtStore(
        _ reviews: [(sku: String, rating: Int, title: String, status: Review.Status)] = []
    ) throws -> (
        FixtureStore, [Int64]
    ) {
        let store = try FixtureStore()
        _ = try store.build()
        let database = try store.openStore()
        _ = try database.importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        var ids: [Int64] = []
        for (index, review) in reviews.enumerated() {
            ids.append(
                try database.addSampleReview(
                    sku: review.sku, rating: review.rating, title: review.title,
                    body: "Soft <script>alert(1)</script> cotton.\n\nWashes well.", fit: .trueToSize, name: "Ada L.", status: review.status,
                    price: 2900,
                    at: 1_790_000_000 + Int64(index) * 86_400))
        }
        _ = try store.build()
        return (store, ids)
    }

    private func pages(_ summary: SiteBuilder.Summary) -> Set<String> {
        Set(summary.written.filter { !$0.hasSuffix(".gz") })
    }

    /// Every built HTML file that shows a card linking to `path`.
    private func pagesWithCard(of path: String, in store: FixtureStore) throws -> Set<String> {
        let site = store.folder.siteFolder
        return Set(
            try Theme.files(under: site, extension: "html").filter {
                let html = try String(contentsOfFile: site + "/" + $0, encoding: .utf8)
                return html.contains("class=\"card__title\"><a href=\"\(path)\"")
            })
    }

    @Test func aProductWithoutReviewsSaysSoWithoutRatingMarkup() throws {
        let (store, _) = try builtStore([(sku: "TEE-FOR-L", rating: 5, title: "Waiting", status: .pending)])
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(page.contains("No reviews yet."))
        #expect(!page.contains("aggregateRating"))
        #expect(!page.contains("review-summary"))
        #expect(!page.contains("Waiting"))
        #expect(!page.contains("See all"))
        #expect(!(try store.read("site/shop/index.html")).contains("card__rating"))
    }

    @Test func approvedReviewsShowTheirSummaryTextAndForms() throws {
        let (store, ids) = try builtStore([
            (sku: "TEE-FOR-L", rating: 5, title: "Best tee", status: .approved),
            (sku: "TEE-FOR-L", rating: 4, title: "Good tee", status: .approved),
            (sku: "TEE-FOR-L", rating: 1, title: "Hidden", status: .flagged),
        ])
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(page.contains("4.5 out of 5 stars"))
        #expect(page.contains("2 reviews"))
        #expect(page.contains("<span class=\"review-bars__label\">5 stars</span>"))
        #expect(page.contains("Runs small: 0, True to size: 2, Runs large: 0"))
        #expect(!page.contains("No reviews yet."))
        #expect(!page.contains("Hidden"))
        #expect(page.contains("Soft &lt;script&gt;alert(1)&lt;/script&gt; cotton."))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("<p>Washes well.</p>"))
        // Newest first.
        let good = try #require(page.range(of: "Good tee"))
        let best = try #require(page.range(of: "Best tee"))
        #expect(good.lowerBound < best.lowerBound)
        #expect(page.contains("<input type=\"hidden\" name=\"review\" value=\"\(ids[0])\">"))
        #expect(page.contains("action=\"/fn/reviews/vote\""))
        #expect(page.contains("action=\"/fn/reviews/report\""))
        #expect(page.contains("<a href=\"/fn/reviews?product=organic-tee\">See all 2 reviews</a>"))
        let shop = try store.read("site/shop/index.html")
        #expect(shop.contains("4.5 out of 5 stars,"))
    }

    @Test func theFitSummaryShowsOnlyForProductsTheStoreAsks() throws {
        let (store, _) = try builtStore([(sku: "TEE-FOR-L", rating: 5, title: "Best tee", status: .approved)])
        #expect(try store.read("site/products/organic-tee/index.html").contains("Runs small: 0, True to size: 1, Runs large: 0"))
        try store.edit("shelf.toml", replacing: "[build]", with: "[reviews]\nfit_categories = [\"knitwear\"]\n\n[build]")
        _ = try store.build()
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(page.contains("5.0 out of 5 stars"))
        #expect(!page.contains("Runs small:"))
    }

    @Test func jsonLDCarriesTheRatingAndTheReviewsShown() throws {
        let (store, _) = try builtStore([
            (sku: "TEE-FOR-L", rating: 5, title: "Best tee", status: .approved),
            (sku: "TEE-FOR-L", rating: 4, title: "Good tee", status: .approved),
        ])
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(page.contains("\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":\"4.5\",\"reviewCount\":2"))
        #expect(page.contains("\"@type\":\"Review\",\"name\":\"Good tee\""))
        #expect(!(try store.read("site/products/merino-crew/index.html")).contains("aggregateRating"))
    }

    @Test func anApprovalRewritesItsProductPageAndItsCardsAsAFullBuildWould() throws {
        let (store, ids) = try builtStore([(sku: "TEE-FOR-L", rating: 4, title: "Nice", status: .pending)])
        let withCard = try pagesWithCard(of: "/products/organic-tee/", in: store)
        #expect(!withCard.isEmpty)
        try store.openStore().setSampleReviewStatus(ids[0], to: .approved)
        let incremental = try store.build()
        // The first rated product of its category also gives every page of that category's
        // "Combine filters" form the rating choices.
        let tops = Set(Theme.files(under: store.folder.siteFolder, extension: "html").filter { $0.hasPrefix("shop/tops/") })
        #expect(pages(incremental) == withCard.union(tops).union(["products/organic-tee/index.html"]))
        #expect(try store.read("site/products/organic-tee/index.html").contains("aggregateRating"))
        let site = store.folder.siteFolder
        let files = Theme.files(under: site, extension: nil)
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) }
        _ = try store.build(full: true)
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) } == before)
    }

    @Test func aVoteRewritesOnlyItsProductPageAndAFastBuildAfterwardsStillWorks() throws {
        let (store, ids) = try builtStore([(sku: "TEE-FOR-L", rating: 4, title: "Nice", status: .approved)])
        _ = try store.openStore().vote(onReview: ids[0], by: "visitor", helpful: true, now: 1_790_100_000)
        let summary = try store.build()
        #expect(pages(summary) == ["products/organic-tee/index.html"])
        #expect(try store.read("site/products/organic-tee/index.html").contains("Yes (1)"))
        try store.openStore().setStock("CREW-CHA-S", to: 1)
        let fast = try store.build()
        #expect(fast.fastPath)
        #expect(pages(fast) == ["products/merino-crew/index.html"])
    }

    @Test func enoughReportsDropTheReviewAtTheNextBuild() throws {
        let (store, ids) = try builtStore([(sku: "TEE-FOR-L", rating: 2, title: "Rude words", status: .approved)])
        let database = try store.openStore()
        for reporter in ["a", "b", "c"] {
            _ = try database.report(review: ids[0], by: reporter, reason: .offensive, hideAfter: 3, now: 1_790_100_000)
        }
        _ = try store.build()
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(!page.contains("Rude words"))
        #expect(page.contains("No reviews yet."))
    }

    @Test func aDeletedProductLeavesNoPageCardOrSearchHitAsAFullBuildWouldAndComesBackWithItsReviews() throws {
        let (store, _) = try builtStore([(sku: "TEE-FOR-L", rating: 5, title: "Best tee", status: .approved)])
        #expect(!(try pagesWithCard(of: "/products/organic-tee/", in: store)).isEmpty)
        let file = "content/products/organic-tee.md"
        let content = try store.read(file)
        try FileManager.default.removeItem(atPath: store.root + "/" + file)
        let summary = try store.build()
        #expect(summary.removed.contains("products/organic-tee/index.html"))
        let site = store.folder.siteFolder
        let files = Theme.files(under: site, extension: nil)
        for path in files where !path.hasSuffix(".gz") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: site + "/" + path)), as: UTF8.self)
            #expect(!text.contains("organic-tee"), "\(path) still names the deleted product")
            #expect(!text.contains("Best tee"), "\(path) still shows its review")
        }
        #expect(try store.openStore().search(SearchQuery(text: "organic tee")).products.isEmpty)
        #expect(try store.openStore().reviews(.product("organic-tee")).map(\.title) == ["Best tee"])
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) }
        _ = try store.build(full: true)
        #expect(Theme.files(under: site, extension: nil) == files)
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) } == before)
        try store.write(file, content)
        _ = try store.build()
        #expect(try store.read("site/products/organic-tee/index.html").contains("Best tee"))
        #expect(try store.read("site/shop/index.html").contains("5.0 out of 5 stars,"))
    }
}
