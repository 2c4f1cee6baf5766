import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

/// `POST /fn/reviews/vote` and `/fn/reviews/report` through the real runtime.
struct ReviewReadingFeedbackTests {
    @Test func aVoteIsCountedOncePerVisitorAndGoesBackToTheProductPage() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            let first = try fixture.post(
                "/vote", "review=\(fixture.review)&helpful=yes&back=%2Fproducts%2Ftee%2F%23review-\(fixture.review)")
            #expect(first.status == 303)
            #expect(first.header("Location") == "/products/tee/#review-\(fixture.review)")
            _ = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes")
            #expect(try fixture.stored().helpfulCount == 1)
            _ = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes", client: "198.51.100.7")
            _ = try fixture.post("/vote", "review=\(fixture.review)&helpful=no")
            let review = try fixture.stored()
            #expect([review.helpfulCount, review.unhelpfulCount] == [1, 1])
        }
    }

    @Test func aVoteAnswersJSONWhenAsked() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            let response = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes", json: true)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "{\"review\":\(fixture.review),\"helpful\":1,\"unhelpful\":0}")
        }
    }

    @Test func backOnlyLeadsToTheReviewsOwnPages() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            for back in [
                "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2Fproducts%2Fother%2F", "%2Fproducts%2Ftee%2F%0D%0ASet-Cookie",
            ] {
                let response = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes&back=\(back)")
                #expect(response.header("Location") == "/products/tee/#review-\(fixture.review)")
            }
            let list = try fixture.post(
                "/vote", "review=\(fixture.review)&helpful=no&back=%2Ffn%2Freviews%3Fproduct%3Dtee%26sort%3Dhelpful%23review-1")
            #expect(list.header("Location") == "/fn/reviews?product=tee&sort=helpful#review-1")
            let other = try fixture.post("/vote", "review=\(fixture.review)&helpful=no&back=%2Ffn%2Freviews%3Fproduct%3Dteeshirt")
            #expect(other.header("Location") == "/products/tee/#review-\(fixture.review)")
        }
    }

    @Test func badVotesAreRefusedWithoutA5xx() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            #expect(try fixture.post("/vote", "review=\(fixture.review)&helpful=maybe").status == 400)
            #expect(try fixture.post("/vote", "review=abc&helpful=yes").status == 400)
            #expect(try fixture.post("/vote", "review=99999999999999999999999&helpful=yes").status == 400)
            #expect(try fixture.post("/vote", "helpful=yes").status == 400)
            #expect(try fixture.post("/vote", "review=424242&helpful=yes").status == 404)
            #expect(try fixture.post("/report", "review=\(fixture.review)&reason=boring").status == 400)
        }
    }

    @Test func crossSitePostsAreRefused() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            let response = try fixture.post("/vote", "review=\(fixture.review)&helpful=yes", origin: "https://evil.example")
            #expect(response.status == 403)
            #expect(try fixture.stored().helpfulCount == 0)
        }
    }

    @Test func reportsFromEnoughVisitorsHideTheReview() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            fixture.settings = "[reviews]\nhide_after_reports = 2\n"
            let first = try fixture.post("/report", "review=\(fixture.review)&reason=spam", client: "203.0.113.1")
            #expect(first.status == 303)
            _ = try fixture.post("/report", "review=\(fixture.review)&reason=spam", client: "203.0.113.1")
            #expect(try fixture.stored().status == .approved)
            _ = try fixture.post("/report", "review=\(fixture.review)&reason=offensive", client: "203.0.113.2")
            #expect(try fixture.stored().status == .flagged)
            #expect(try fixture.post("/vote", "review=\(fixture.review)&helpful=yes").status == 404)
        }
    }

    @Test func aVoteFloodIsAnsweredWith429NotA5xx() throws {
        try withTemporaryDirectory { directory in
            let fixture = try ReviewReadingFixture(directory)
            var ids: [Int64] = []
            for _ in 0..<Store.feedbackPerVoterPerDay {
                ids.append(try fixture.store.addSampleReview(sku: "TEE-M", rating: 3, at: 1_795_000_000))
            }
            for id in ids { _ = try fixture.post("/vote", "review=\(id)&helpful=yes") }
            #expect(try fixture.post("/vote", "review=\(fixture.review)&helpful=yes").status == 429)
        }
    }
}
