import ShelfStore
import ShelfTesting
import Testing

/// One page of a product's approved reviews in each sort order, on SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct ReviewPageTests {
    /// Reviews of the tee as (stars, time, yes votes), written in this order, with their ids.
    private func reviewed(_ store: Store, _ reviews: [(rating: Int, at: Int64, yes: Int)]) throws -> [Int64] {
        var ids: [Int64] = []
        for review in reviews {
            let id = try store.addSampleReview(sku: "TEE-M", rating: review.rating, at: review.at)
            for voter in 0..<review.yes { _ = try store.vote(onReview: id, by: "visitor:\(voter)", helpful: true, now: review.at) }
            ids.append(id)
        }
        return ids
    }

    @Test func eachSortOrdersTheApprovedReviewsWithTheNewestFirstOnTies() throws {
        try withStockedTees(["TEE-M": 20]) { store in
            let ids = try reviewed(store, [(3, 100, 0), (5, 200, 1), (1, 300, 2), (5, 300, 0), (3, 400, 0)])
            try store.addSampleReview(sku: "TEE-M", rating: 5, status: .pending, at: 500)
            try store.addSampleReview(sku: "TEE-M", rating: 5, status: .flagged, at: 500)
            func order(_ sort: ReviewSort) throws -> [Int64] {
                try store.approvedReviews(of: "tee", sortedBy: sort, page: 1, perPage: 10).map(\.id)
            }
            #expect(try order(.newest) == [ids[4], ids[3], ids[2], ids[1], ids[0]])
            #expect(try order(.highest) == [ids[3], ids[1], ids[4], ids[0], ids[2]])
            #expect(try order(.lowest) == [ids[2], ids[4], ids[0], ids[3], ids[1]])
            #expect(try order(.helpful) == [ids[2], ids[1], ids[4], ids[3], ids[0]])
        }
    }

    @Test func pagesFollowOneAnotherWithoutGapsOrRepeats() throws {
        try withStockedTees(["TEE-M": 30]) { store in
            let ids = try reviewed(store, (0..<7).map { _ in (rating: 4, at: 100, yes: 0) })
            var seen: [Int64] = []
            for page in 1...3 {
                seen += try store.approvedReviews(of: "tee", sortedBy: .highest, page: page, perPage: 3).map(\.id)
            }
            #expect(seen == ids.reversed())
            #expect(try store.approvedReviews(of: "tee", sortedBy: .newest, page: 4, perPage: 3).isEmpty)
            #expect(try store.approvedReviews(of: "tee", sortedBy: .newest, page: 0, perPage: 3).isEmpty)
            #expect(try store.approvedReviews(of: "tee", sortedBy: .newest, page: Int.max, perPage: 10).isEmpty)
        }
    }

    @Test func oneProductsSummaryAndTitleAreReadAlone() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            _ = try reviewed(store, [(4, 100, 0), (2, 200, 0)])
            #expect(try store.reviewSummaries(of: "tee")["tee"]?.stars == [0, 1, 0, 1, 0])
            #expect(try store.reviewSummaries(of: "mug").isEmpty)
            #expect(try store.publishedProductTitle("tee") != nil)
            #expect(try store.publishedProductTitle("mug") == nil)
        }
    }
}
