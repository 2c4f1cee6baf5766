import ShelfStore
import ShelfTesting
import Testing

/// What product pages show of reviews, read for the whole catalogue at once, on SQLite and
/// (with `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct ReviewSummaryTests {
    @Test func summaryCountsApprovedReviewsByStarsAndFit() throws {
        try withStockedTees(["TEE-M": 20]) { store in
            for (rating, fit) in [(5, Review.Fit.trueToSize), (5, .trueToSize), (4, .small), (2, nil)] {
                try store.addSampleReview(sku: "TEE-M", rating: rating, fit: fit, at: 100)
            }
            try store.addSampleReview(sku: "TEE-M", rating: 1, fit: .large, status: .pending, at: 100)
            try store.addSampleReview(sku: "TEE-M", rating: 1, status: .flagged, at: 100)
            let summaries = try store.reviewSummaries()
            #expect(summaries.keys.sorted() == ["tee"])
            let tee = try #require(summaries["tee"])
            #expect(tee.stars == [0, 1, 0, 1, 2])
            #expect(tee.count == 4)
            #expect(tee.averageTenths == 40)
            #expect([tee.runsSmall, tee.trueToSize, tee.runsLarge] == [1, 2, 0])
        }
    }

    @Test func averageRoundsHalfUpToATenth() {
        #expect(ReviewSummary(stars: [0, 0, 0, 1, 1]).averageTenths == 45)
        #expect(ReviewSummary(stars: [0, 0, 1, 0, 2]).averageTenths == 43)
        #expect(ReviewSummary(stars: [0, 0, 0, 0, 0]).averageTenths == 0)
        #expect(ReviewSummary(stars: [0, 0, 0, 9, 11]).averageTenths == 46)
    }

    @Test func productsWithoutApprovedReviewsHaveNoSummary() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            try store.addSampleReview(sku: "TEE-M", rating: 3, status: .pending, at: 100)
            #expect(try store.reviewSummaries().isEmpty)
            #expect(try store.newestReviews(perProduct: 5).isEmpty)
        }
    }

    @Test func newestReviewsAreTheLatestApprovedOnesNewestFirst() throws {
        try withStockedTees(["TEE-M": 20]) { store in
            for time in 1...7 { try store.addSampleReview(sku: "TEE-M", rating: 4, title: "Review \(time)", at: Int64(time) * 100) }
            try store.addSampleReview(sku: "TEE-M", rating: 4, title: "Waiting", status: .pending, at: 900)
            let newest = try store.newestReviews(perProduct: 3)
            #expect(newest["tee"]?.map(\.title) == ["Review 7", "Review 6", "Review 5"])
        }
    }

    @Test func everyShownChangeAdvancesTheVersionAndNamesItsProduct() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            #expect(try store.reviewVersion() == 0)
            let id = try store.addSampleReview(sku: "TEE-M", rating: 5, status: .pending, at: 100)
            let written = try store.reviewVersion()
            #expect(written > 0)
            #expect(try store.productsWithReviewChanges(since: written).isEmpty)
            try store.setSampleReviewStatus(id, to: .approved)
            #expect(try store.reviewVersion() > written)
            #expect(try store.productsWithReviewChanges(since: written) == ["tee"])
        }
    }
}
