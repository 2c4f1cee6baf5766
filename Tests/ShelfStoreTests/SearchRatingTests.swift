import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Star ratings in search: each hit's approved reviews, the "4 stars & up" and "3 stars & up"
/// facet counted under the other choices, and the filter combined with words and options,
/// all read live from the reviews, on both engines.
struct SearchRatingTests {
    /// The tee averages 5.0, the jumper 3.5 (4 and 3), the coat 3.0; the scarf has no review.
    static let ratings: [(sku: String, price: Int64, stars: Int)] = [
        ("CRE-NAV-S", 2900, 5), ("NAV-NAV-S", 8900, 4), ("NAV-GRE-M", 8900, 3), ("WRA-CAM-M", 24900, 3),
    ]

    /// A store with the catalogue of ``SearchTests`` indexed, stocked and reviewed as ``ratings``.
    func withReviewedCatalogue(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            for product in SearchTests.products {
                for variant in product.variants { try store.setStock(variant.sku, to: 20) }
            }
            for (sku, price, stars) in Self.ratings { try store.addSampleReview(sku: sku, rating: stars, price: price, at: 100) }
            try body(store)
        }
    }

    func handles(_ store: Store, _ query: SearchQuery) throws -> Set<String> {
        Set(try store.search(query).products.map(\.handle))
    }

    func ratingCounts(_ results: SearchResults) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: results.facets.ratings.map { ($0.stars, $0.count) })
    }

    @Test func hitsCarryTheirApprovedReviewsAndUnreviewedOnesNone() throws {
        try withReviewedCatalogue { store in
            let hits = Dictionary(uniqueKeysWithValues: try store.search(SearchQuery()).products.map { ($0.handle, $0) })
            #expect(hits["creme-tee"]?.reviews?.averageTenths == 50)
            #expect(hits["navy-jumper"]?.reviews?.averageTenths == 35)
            #expect(hits["navy-jumper"]?.reviews?.count == 2)
            #expect(hits["wrap-coat"]?.reviews?.count == 1)
            #expect(hits["cable-scarf"] != nil)
            #expect(hits["cable-scarf"]?.reviews == nil)
        }
    }

    @Test func theRatingFacetCountsProductsAveragingAtLeastEachChoice() throws {
        try withReviewedCatalogue { store in
            #expect(ratingCounts(try store.search(SearchQuery())) == [4: 1, 3: 3])
            var query = SearchQuery()
            query.minimumRating = 4
            let results = try store.search(query)
            #expect(results.products.map(\.handle) == ["creme-tee"])
            #expect(results.total == 1)
            // Its own choice is left out of its counts.
            #expect(ratingCounts(results) == [4: 1, 3: 3])
            query.minimumRating = 3
            #expect(try handles(store, query) == ["creme-tee", "navy-jumper", "wrap-coat"])
            query.minimumRating = 5
            #expect(try handles(store, query) == ["creme-tee"])
        }
    }

    @Test func theRatingCombinesWithWordsAndOptionsBothWays() throws {
        try withReviewedCatalogue { store in
            var query = SearchQuery(text: "wool")
            #expect(ratingCounts(try store.search(query)) == [4: 0, 3: 2])
            query.minimumRating = 3
            #expect(try handles(store, query) == ["navy-jumper", "wrap-coat"])
            query = SearchQuery()
            query.options["colour"] = ["navy"]
            #expect(ratingCounts(try store.search(query)) == [4: 1, 3: 2])
            query.minimumRating = 4
            let results = try store.search(query)
            #expect(results.products.map(\.handle) == ["creme-tee"])
            // The other facets count under the rating: only the tee's brand and navy are left.
            #expect(results.facets.brands == [FacetCount(value: "Field & Co", count: 1)])
            let colours = results.facets.options.first { $0.slug == "colour" }?.values ?? []
            #expect(colours == [FacetCount(value: "Navy", count: 1)])
            #expect(results.facets.categories == [FacetCount(value: "tees", count: 1)])
            #expect(results.facets.inStock == 1)
        }
    }

    @Test func anApprovalShowsInTheNextSearchWithoutABuild() throws {
        try withReviewedCatalogue { store in
            var query = SearchQuery()
            query.minimumRating = 4
            #expect(try handles(store, query) == ["creme-tee"])
            let review = try store.addSampleReview(sku: "CAB-OAT-ONESIZE", rating: 5, status: .pending, price: 3900, at: 200)
            #expect(try handles(store, query) == ["creme-tee"])
            try store.approveReview(review, now: 300)
            #expect(try handles(store, query) == ["creme-tee", "cable-scarf"])
            let scarf = try store.search(SearchQuery(text: "scarf")).products.first
            #expect(scarf?.reviews?.averageTenths == 50)
            try store.rejectReview(review, now: 400)
            #expect(try handles(store, query) == ["creme-tee"])
            #expect(try store.search(SearchQuery(text: "scarf")).products.first?.reviews == nil)
        }
    }

    @Test func popularProductsCarryTheirReviewsToo() throws {
        try withReviewedCatalogue { store in
            let popular = Dictionary(uniqueKeysWithValues: try store.popularProducts(limit: 4).map { ($0.handle, $0) })
            #expect(popular["creme-tee"]?.reviews?.averageTenths == 50)
            #expect(popular["cable-scarf"]?.reviews == nil)
        }
    }
}
