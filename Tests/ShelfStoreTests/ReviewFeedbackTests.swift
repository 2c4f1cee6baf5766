import ShelfStore
import ShelfTesting
import Testing

/// Helpful votes and reports on reviews, on SQLite and (with `SHELF_TEST_DATABASE=postgresql`)
/// on PostgreSQL.
struct ReviewFeedbackTests {
    func counted(_ feedback: ReviewFeedback) throws -> Review {
        guard case .counted(let review) = feedback else {
            Issue.record("expected a counted review, got \(feedback)")
            throw FeedbackNotCounted()
        }
        return review
    }
    struct FeedbackNotCounted: Error {}

    @Test func oneVotePerVoterAndASecondVoteChangesTheFirst() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let id = try store.addSampleReview(sku: "TEE-M", rating: 5, at: 100)
            var review = try counted(try store.vote(onReview: id, by: "visitor-a", helpful: true, now: 200))
            #expect([review.helpfulCount, review.unhelpfulCount] == [1, 0])
            review = try counted(try store.vote(onReview: id, by: "visitor-a", helpful: true, now: 201))
            #expect([review.helpfulCount, review.unhelpfulCount] == [1, 0])
            review = try counted(try store.vote(onReview: id, by: "visitor-b", helpful: true, now: 202))
            #expect([review.helpfulCount, review.unhelpfulCount] == [2, 0])
            review = try counted(try store.vote(onReview: id, by: "visitor-a", helpful: false, now: 203))
            #expect([review.helpfulCount, review.unhelpfulCount] == [1, 1])
            let stored = try #require(try store.sampleReview(id))
            #expect([stored.helpfulCount, stored.unhelpfulCount] == [1, 1])
        }
    }

    @Test func aChangedCountAdvancesTheReviewVersionAndARepeatedVoteDoesNot() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let id = try store.addSampleReview(sku: "TEE-M", rating: 5, at: 100)
            let before = try store.reviewVersion()
            _ = try store.vote(onReview: id, by: "visitor-a", helpful: true, now: 200)
            let after = try store.reviewVersion()
            #expect(after > before)
            #expect(try store.productsWithReviewChanges(since: before) == ["tee"])
            _ = try store.vote(onReview: id, by: "visitor-a", helpful: true, now: 201)
            #expect(try store.reviewVersion() == after)
        }
    }

    @Test func votesAndReportsOnHiddenOrUnknownReviewsAreRefused() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let pending = try store.addSampleReview(sku: "TEE-M", rating: 5, status: .pending, at: 100)
            #expect(try store.vote(onReview: pending, by: "v", helpful: true, now: 200) == .unknownReview)
            #expect(try store.vote(onReview: 9_999, by: "v", helpful: true, now: 200) == .unknownReview)
            #expect(try store.report(review: pending, by: "v", reason: .spam, hideAfter: 3, now: 200) == .unknownReview)
        }
    }

    @Test func aFloodFromOneVoterIsCappedPerDay() throws {
        try withStockedTees(["TEE-M": 300]) { store in
            let cap = Store.feedbackPerVoterPerDay
            var ids: [Int64] = []
            for _ in 0...cap { ids.append(try store.addSampleReview(sku: "TEE-M", rating: 4, at: 100)) }
            for id in ids.prefix(cap) { _ = try counted(try store.vote(onReview: id, by: "flood", helpful: true, now: 1_000)) }
            #expect(try store.vote(onReview: ids[cap], by: "flood", helpful: true, now: 1_000) == .tooMany)
            #expect(try store.report(review: ids[cap], by: "flood", reason: .spam, hideAfter: 3, now: 1_000) == .tooMany)
            // Changing a vote already given stays possible, and a day later the voter counts afresh.
            _ = try counted(try store.vote(onReview: ids[0], by: "flood", helpful: false, now: 1_001))
            _ = try counted(try store.vote(onReview: ids[cap], by: "flood", helpful: true, now: 1_000 + 86_400))
            #expect(try store.sampleReview(ids[cap])?.helpfulCount == 1)
        }
    }

    @Test func enoughReportsFlagTheReviewOncePerReporter() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let id = try store.addSampleReview(sku: "TEE-M", rating: 1, at: 100)
            #expect(try counted(try store.report(review: id, by: "a", reason: .spam, hideAfter: 3, now: 200)).reportCount == 1)
            #expect(try counted(try store.report(review: id, by: "a", reason: .offensive, hideAfter: 3, now: 201)).reportCount == 1)
            let before = try store.reviewVersion()
            #expect(try counted(try store.report(review: id, by: "b", reason: .other, hideAfter: 3, now: 202)).status == .approved)
            #expect(try store.reviewVersion() == before)
            let flagged = try counted(try store.report(review: id, by: "c", reason: .offTopic, hideAfter: 3, now: 203))
            #expect(flagged.status == .flagged)
            #expect(try store.sampleReview(id)?.status == .flagged)
            #expect(try store.reviewVersion() > before)
            #expect(try store.reviewSummaries().isEmpty)
            #expect(try store.report(review: id, by: "d", reason: .spam, hideAfter: 3, now: 204) == .unknownReview)
        }
    }
}
