import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The "Was this review helpful?" and "Report" forms of every review: a shopper's vote or
/// report is recorded, then the shopper goes back to the page the form was on (303), or gets
/// the counts as JSON when the request asks for it.
enum ReviewFeedbackForms {
    /// Form fields are short: an id, yes or no, a reason and the page to return to.
    static let formLimit = 2048

    static func vote(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let id = try reviewID(in: fields)
        let helpful: Bool
        switch try fields.optional("helpful") {
        case "yes": helpful = true
        case "no": helpful = false
        default: throw HTTPError(400, "Say whether the review was helpful: yes or no.", log: "vote without helpful=yes|no")
        }
        let store = try context.store()
        let outcome = try store.vote(onReview: id, by: try voter(request, context, store), helpful: helpful, now: context.clock.now())
        let review = try counted(outcome)
        if request.wantsJSON {
            return .json(
                .object([
                    ("review", .number(String(review.id))), ("helpful", .number(String(review.helpfulCount))),
                    ("unhelpful", .number(String(review.unhelpfulCount))),
                ]))
        }
        return .redirect(to: back(in: fields, review: review))
    }

    static func report(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let id = try reviewID(in: fields)
        guard let reason = ReportReason(rawValue: try fields.optional("reason") ?? "") else {
            let reasons = ReportReason.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(400, "Choose a reason for the report: one of \(reasons).", log: "report without a known reason")
        }
        let store = try context.store()
        let outcome = try store.report(
            review: id, by: try voter(request, context, store), reason: reason, hideAfter: context.config.reviews.hideAfterReports,
            now: context.clock.now())
        let review = try counted(outcome)
        if request.wantsJSON {
            return .json(.object([("review", .number(String(review.id))), ("reported", .bool(true))]))
        }
        return .redirect(to: back(in: fields, review: review))
    }

    /// The review of a form: a positive whole number, else a 400.
    private static func reviewID(in fields: Fields) throws -> Int64 {
        guard let text = try fields.optional("review"), text.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let id = Int64(text), id > 0
        else { throw HTTPError(400, "The form does not name a review.", log: "review field missing or not a number") }
        return id
    }

    /// Who votes: a signed-in account, else the day's salted hash of the visitor as analytics
    /// keeps it, so one browser counts once a review without a cookie.
    private static func voter(_ request: Request, _ context: FunctionContext, _ store: Store) throws -> String {
        if let customer = try ShopperSession.find(request, context, in: store)?.session.customerID { return "account:\(customer)" }
        return "visitor:" + (try VisitorHash.of(request, context, in: store))
    }

    private static func counted(_ outcome: ReviewFeedback) throws -> Review {
        switch outcome {
        case .counted(let review): return review
        case .unknownReview: throw HTTPError(404, "This review cannot be found.", log: "feedback on an unknown or hidden review")
        case .tooMany:
            throw HTTPError(429, "You have rated many reviews today. Please try again tomorrow.", log: "review feedback cap reached")
        }
    }

    /// The page the form was on when it is one of the review's own pages, else its product page.
    private static func back(in fields: Fields, review: Review) -> String {
        let product = "/products/\(review.productHandle)/"
        let list = ReviewTemplateValues.allReviewsURL(of: review.productHandle)
        guard let back = try? fields.optional("back"), back.count <= 300,
            back.hasPrefix(product + "#") || back == product || back.hasPrefix(list + "&") || back.hasPrefix(list + "#")
                || back == list,
            back.unicodeScalars.allSatisfy({ (0x21...0x7e).contains($0.value) })
        else { return product + "#review-\(review.id)" }
        return back
    }
}
