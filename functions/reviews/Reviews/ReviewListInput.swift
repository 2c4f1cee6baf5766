import ShelfHTTP
import ShelfStore

/// The query string of the all-reviews page, read strictly: `product=HANDLE`, an optional
/// `sort` (newest, highest, lowest, helpful) and `page` (1 and up). What cannot be one of
/// these is a 400 that says what to change.
struct ReviewListInput {
    /// No handle is longer; a longer one is not a product.
    static let longestHandle = 100
    /// The page's own parameters never need more; a longer query string is refused whole.
    static let longestQuery = 1024
    /// Further pages than this are never linked; asking for one is a mistake.
    static let lastPage = 100_000

    var handle: String
    var sort: ReviewSort
    var page: Int

    init(_ request: Request) throws(HTTPError) {
        guard request.head.query.utf8.count <= Self.longestQuery else {
            throw HTTPError(414, "This address is too long.", log: "reviews query of \(request.head.query.utf8.count) bytes")
        }
        let fields = try request.queryFields()
        handle = try fields.optional("product") ?? ""
        guard (1...Self.longestHandle).contains(handle.utf8.count) else {
            throw HTTPError(404, "This product cannot be found.", log: "reviews page without a usable product")
        }
        let sortText = try fields.optional("sort") ?? ""
        guard let sort = sortText.isEmpty ? .newest : ReviewSort(rawValue: sortText) else {
            throw HTTPError(400, "Reviews can be sorted by newest, highest, lowest or helpful.", log: "unknown review sort")
        }
        self.sort = sort
        let pageText = try fields.optional("page") ?? "1"
        guard pageText.utf8.count <= 6, pageText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let page = Int(pageText),
            (1...Self.lastPage).contains(page)
        else { throw HTTPError(400, "The page is a whole number from 1.", log: "bad reviews page") }
        self.page = page
    }

    /// This page's address with another `sort` or `page`; the defaults are left out.
    func url(sort: ReviewSort? = nil, page: Int = 1) -> String {
        var url = ReviewTemplateValues.allReviewsURL(of: handle)
        let sort = sort ?? self.sort
        if sort != .newest { url += "&sort=\(sort.rawValue)" }
        if page > 1 { url += "&page=\(page)" }
        return url
    }
}
