import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

/// A product whose file the merchant deleted (the build unpublished it): its review link answers
/// 410 and stores nothing, its page of all reviews is gone, its reviews take no votes or reports.
struct DeletedProductReviewTests {
    private let good = ["rating": "4", "title": "Warm", "body": "Soft and warm.", "fit": "true", "name": "Ada L."]

    @Test func theReviewLinkAnswers410AndNothingIsStoredOrDeleted() throws {
        try withTemporaryDirectory { directory in
            let shop = try ReviewWritingFixture(directory)
            let order = try shop.order()
            try shop.write(shop.linkQuery(order), good)
            // The form's hidden fields, as a tab opened before the deletion still holds them.
            let held = ReviewWritingFixture.hiddenFields(in: try shop.send("GET", "/write", query: shop.linkQuery(order, line: 2)).html)
            let heldWritten = ReviewWritingFixture.hiddenFields(in: try shop.send("GET", "/write", query: shop.linkQuery(order)).html)
            try shop.store.syncCatalogue([], categories: [])
            let page = try shop.send("GET", "/write", query: shop.linkQuery(order))
            #expect(page.response.status == 410)
            #expect(page.html.contains("This product is no longer sold"))
            var form = held
            form.merge(good) { $1 }
            let posted = try shop.send(
                "POST", "/write", form: form.map { "\($0)=\(ReviewWritingFixture.encode($1))" }.joined(separator: "&"))
            #expect(posted.response.status == 410)
            let deleted = try shop.send(
                "POST", "/delete", form: heldWritten.map { "\($0)=\(ReviewWritingFixture.encode($1))" }.joined(separator: "&"))
            #expect(deleted.response.status == 410)
            let reviews = try shop.store.reviews(.all)
            #expect(reviews.map(\.line) == [1])
            #expect(reviews.first?.title == "Warm")
        }
    }

    @Test func itsReviewsPageVotesAndReportsAnswer404AndNothingIsStored() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            #expect(try fixture.get("product=tee").status == 200)
            try fixture.store.syncCatalogue([], categories: [])
            let list = try fixture.get("product=tee")
            #expect(list.status == 404)
            #expect(list.html.contains("This product cannot be found."))
            let vote = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes")
            #expect(vote.status == 404)
            #expect(String(decoding: vote.body, as: UTF8.self).contains("This review cannot be found."))
            #expect(try fixture.post("/report", "review=\(fixture.review)&reason=spam").status == 404)
            let review = try fixture.stored()
            #expect([review.helpfulCount, review.reportCount] == [0, 0])
            #expect(review.status == .approved)
        }
    }
}
