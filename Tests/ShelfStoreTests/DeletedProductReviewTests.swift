import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// When the merchant deletes a product's file the build unpublishes it: its reviews stay and the
/// merchant still moderates them, but buyers and shoppers can no longer change them, until the
/// product comes back.
struct DeletedProductReviewTests {
    private let draft = ReviewDraft(rating: 4, title: "Warm", body: "Soft and warm.", fit: .trueToSize, displayName: "Ada L.")

    /// A delivered order of one TEE-M and one TEE-L, line 1 reviewed and approved, line 2
    /// reviewed and waiting; then the tee's file is deleted (the build syncs an empty catalogue).
    private func deletedTeeWithReviews(_ store: Store) throws -> (Order, approved: Review, pending: Review) {
        let order = try store.placeSample([("TEE-M", 1), ("TEE-L", 1)])
        _ = try store.pay(order)
        _ = try store.fulfil(order.id, ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE1"]), now: 20)
        try store.markDelivered(order.id, now: 30)
        let approved = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: true, now: 40)
        let pending = try store.saveReview(draft, orderID: order.id, line: 2, approvedAtOnce: false, now: 41)
        let sync = try store.syncCatalogue([], categories: [])
        #expect(sync.unpublished == 1)
        return (order, approved, pending)
    }

    @Test func theReviewsStayAndTheMerchantStillModeratesThem() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let (_, approved, pending) = try deletedTeeWithReviews(store)
            #expect(try store.reviews(.product("tee")).map(\.id) == [pending.id, approved.id])
            #expect(try store.approveReview(pending.id, now: 50).status == .approved)
            #expect(try store.replyToReview(approved.id, text: "Thank you!", now: 51).reply == "Thank you!")
            #expect(try store.rejectReview(pending.id, now: 52).status == .rejected)
        }
    }

    @Test func buyersCanNeitherWriteEditNorDeleteAReviewOfIt() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let (order, approved, pending) = try deletedTeeWithReviews(store)
            let lines = try store.reviewableLines(orderID: order.id)
            #expect(lines.map(\.isSold) == [false, false])
            #expect(lines.allSatisfy { $0.isDelivered })
            var changed = draft
            changed.title = "Edited after deletion"
            #expect(throws: ReviewError.notSold("tee")) {
                try store.saveReview(changed, orderID: order.id, line: 1, approvedAtOnce: true, now: 60)
            }
            #expect(throws: ReviewError.notSold("tee")) { try store.deleteReview(orderID: order.id, line: 2) }
            #expect(try store.review(id: approved.id)?.title == "Warm")
            #expect(try store.review(id: pending.id) != nil)
            #expect(try store.reviews(.all).count == 2)
        }
    }

    @Test func itsReviewsTakeNoVotesOrReportsAndItsReviewPageIsGone() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let (_, approved, _) = try deletedTeeWithReviews(store)
            let version = try store.reviewVersion()
            #expect(try store.vote(onReview: approved.id, by: "v", helpful: true, now: 60) == .unknownReview)
            #expect(try store.report(review: approved.id, by: "v", reason: .spam, hideAfter: 1, now: 60) == .unknownReview)
            let stored = try #require(try store.review(id: approved.id))
            #expect([stored.helpfulCount, stored.reportCount] == [0, 0])
            #expect(stored.status == .approved)
            #expect(try store.reviewVersion() == version)
            #expect(try store.publishedProductTitle("tee") == nil)
        }
    }

    @Test func whenTheProductComesBackItsReviewsWorkAgain() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let (order, approved, _) = try deletedTeeWithReviews(store)
            try store.syncCatalogue([.sample("tee")], categories: [])
            #expect(try store.reviewableLines(orderID: order.id).map(\.isSold) == [true, true])
            #expect(try store.publishedProductTitle("tee") == "Tee")
            #expect(try store.approvedReviews(of: "tee", sortedBy: .newest, page: 1, perPage: 10).map(\.id) == [approved.id])
            guard case .counted(let voted) = try store.vote(onReview: approved.id, by: "v", helpful: true, now: 60) else {
                Issue.record("the vote was not counted")
                return
            }
            #expect(voted.helpfulCount == 1)
            #expect(try store.deleteReview(orderID: order.id, line: 2))
        }
    }
}
