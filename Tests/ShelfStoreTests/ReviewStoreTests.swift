import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Buyers review the lines of delivered orders, one review per line; the merchant moderates;
/// every change that alters a product page moves the review clock on.
struct ReviewStoreTests {
    private let draft = ReviewDraft(rating: 4, title: "Warm", body: "Soft and warm.", fit: .trueToSize, displayName: "Ada L.")

    /// A delivered order of one TEE-M and one TEE-L.
    private func deliveredOrder(_ store: Store) throws -> Order {
        let order = try store.placeSample([("TEE-M", 1), ("TEE-L", 1)])
        _ = try store.pay(order)
        _ = try store.fulfil(order.id, ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE1"]), now: 20)
        try store.markDelivered(order.id, now: 30)
        return order
    }

    @Test func deliveredLinesCanBeReviewedWithTheirProductAndFitQuestion() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            let lines = try store.reviewableLines(orderID: order.id)
            #expect(lines.map(\.line) == [1, 2])
            #expect(lines.allSatisfy { $0.isDelivered && $0.asksFit(.sizedProducts) && $0.productHandle == "tee" && $0.review == nil })
            #expect(lines.first?.buyerName.isEmpty == false)
        }
    }

    @Test func theFitQuestionFollowsTheStoresCategoriesOrTheSizeOption() throws {
        try withTemporaryStore { store in
            var scarf = Product.sample("scarf", categories: ["women"])
            scarf.options[0].name = "Colour"
            try store.syncCatalogue([.sample("tee", categories: ["home"]), scarf], categories: [.sample("home"), .sample("women")])
            for sku in ["TEE-M", "SCARF-M"] { try store.setStock(sku, to: 5) }
            let order = try store.placeSample([("TEE-M", 1), ("SCARF-M", 1)])
            let lines = try store.reviewableLines(orderID: order.id)
            #expect(lines.map(\.categories) == [["home"], ["women"]])
            #expect(lines.map { $0.asksFit(.sizedProducts) } == [true, false])
            #expect(lines.map { $0.asksFit(.categories(["women", "men"])) } == [false, true])
            #expect(lines.map { $0.asksFit(.categories([])) } == [false, false])
            #expect(try store.asksFit("tee", .sizedProducts) && !store.asksFit("scarf", .sizedProducts))
            #expect(try !store.asksFit("tee", .categories(["women"])) && store.asksFit("scarf", .categories(["women"])))
        }
    }

    @Test func undeliveredLinesAreRefusedAndNothingIsStored() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            _ = try store.pay(order)
            #expect(throws: ReviewError.notReviewable(orderID: order.id, line: 1)) {
                try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: true, now: 40)
            }
            #expect(throws: ReviewError.notReviewable(orderID: order.id, line: 9)) {
                try store.saveReview(draft, orderID: order.id, line: 9, approvedAtOnce: true, now: 40)
            }
            #expect(try store.reviews(.all).isEmpty)
        }
    }

    @Test func oneReviewPerLineAndSavingAgainEditsIt() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            let first = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 40)
            var changed = draft
            changed.rating = 2
            changed.title = "Shrank"
            let edited = try store.saveReview(changed, orderID: order.id, line: 1, approvedAtOnce: false, now: 50)
            #expect(edited.id == first.id)
            #expect(edited.rating == 2 && edited.title == "Shrank" && edited.fit == .trueToSize)
            #expect(edited.createdAt == 40 && edited.updatedAt == 50 && edited.status == .pending)
            #expect(try store.reviews(.all).map(\.id) == [first.id])
            try store.saveReview(draft, orderID: order.id, line: 2, approvedAtOnce: false, now: 60)
            #expect(try store.reviews(.product("tee")).count == 2)
        }
    }

    @Test func preModerationWaitsAndPostModerationShowsAtOnce() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            #expect(try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 40).status == .pending)
            #expect(try store.reviewVersion() == 0)
            #expect(try store.saveReview(draft, orderID: order.id, line: 2, approvedAtOnce: true, now: 40).status == .approved)
            #expect(try store.reviewVersion() == 1)
            #expect(try store.reviews(.pending).map(\.line) == [1])
        }
    }

    @Test func moderationMovesTheClockOnlyWhenThePageChanges() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            let review = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 40)
            #expect(try store.productsWithReviewChanges(since: 0).isEmpty)
            try store.replyToReview(review.id, text: "Thanks!", now: 41)
            #expect(try store.reviewVersion() == 0)
            #expect(try store.approveReview(review.id, now: 42).status == .approved)
            #expect(try store.reviewVersion() == 1)
            #expect(try store.productsWithReviewChanges(since: 0) == ["tee"])
            #expect(try store.productsWithReviewChanges(since: 1).isEmpty)
            try store.approveReview(review.id, now: 43)
            #expect(try store.reviewVersion() == 1)
            let answered = try store.replyToReview(review.id, text: "  Thank you, Ada.  ", now: 44)
            #expect(answered.reply == "Thank you, Ada." && answered.repliedAt == 44)
            #expect(try store.reviewVersion() == 2)
            let unanswered = try store.replyToReview(review.id, text: "", now: 45)
            #expect(unanswered.reply == nil && unanswered.repliedAt == nil)
            #expect(try store.reviewVersion() == 3)
            #expect(try store.rejectReview(review.id, now: 46).status == .rejected)
            #expect(try store.reviewVersion() == 4)
            #expect(try store.productsWithReviewChanges(since: 3) == ["tee"])
        }
    }

    @Test func editingAnApprovedReviewUnderPreModerationHidesItAgain() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            let review = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 40)
            try store.approveReview(review.id, now: 41)
            let edited = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 42)
            #expect(edited.status == .pending)
            #expect(try store.reviewVersion() == 2)
        }
    }

    @Test func rejectedReviewsCanNeitherBeEditedNorDeleted() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            let review = try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: false, now: 40)
            try store.rejectReview(review.id, now: 41)
            #expect(throws: ReviewError.rejected(review.id)) {
                try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: true, now: 42)
            }
            #expect(throws: ReviewError.rejected(review.id)) { try store.deleteReview(orderID: order.id, line: 1) }
            #expect(try store.review(id: review.id)?.status == .rejected)
        }
    }

    @Test func deletingAnApprovedReviewLeavesItsProductForTheNextBuild() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 5]) { store in
            let order = try deliveredOrder(store)
            try store.saveReview(draft, orderID: order.id, line: 1, approvedAtOnce: true, now: 40)
            try store.saveReview(draft, orderID: order.id, line: 2, approvedAtOnce: false, now: 40)
            #expect(try store.reviewVersion() == 1)
            #expect(try store.deleteReview(orderID: order.id, line: 2))
            #expect(try store.reviewVersion() == 1)
            #expect(try store.deleteReview(orderID: order.id, line: 1))
            #expect(try store.reviewVersion() == 2)
            #expect(try store.productsWithReviewChanges(since: 1) == ["tee"])
            #expect(try store.reviews(.all).isEmpty)
            #expect(try !store.deleteReview(orderID: order.id, line: 1))
        }
    }

    @Test func unknownReviewsAreNamed() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            #expect(throws: ReviewError.noSuchReview(99)) { try store.approveReview(99, now: 1) }
            #expect(throws: ReviewError.noSuchReview(99)) { try store.replyToReview(99, text: "x", now: 1) }
        }
    }
}
