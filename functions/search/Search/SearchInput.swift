import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The query string of a search, read strictly into a ``SearchQuery``: what cannot be a
/// search (a price that is not an amount, an unknown sort, a page that is not a number) is a
/// 400 that says what to change; values that match nothing (an unknown colour) simply find
/// nothing.
struct SearchInput {
    /// Longer text is not a search but a paste; the box itself stops at this many characters.
    static let longestText = 200
    /// More values of one facet than any catalogue offers at once.
    static let mostValues = 50
    /// Further pages than this are never linked; asking for one is a mistake.
    static let lastPage = 10_000

    var query: SearchQuery
    /// The price bounds as the shopper typed them, for the form.
    var lowest: String
    var highest: String
    /// How many of the page's products `search.json` lists (`limit=6` for the header's
    /// suggestions); nil for the whole page.
    var limit: Int?

    /// Reads the fields; `options` maps the catalogue's option slugs to names, and only those
    /// slugs are read as facets, so other parameters (`utm_source`) are ignored.
    init(_ fields: Fields, options: [String: String], currency: Currency) throws(HTTPError) {
        let text = try fields.optional("q") ?? ""
        guard text.count <= Self.longestText else {
            throw HTTPError(400, "Searches are at most \(Self.longestText) characters long.", log: "query of \(text.utf8.count) bytes")
        }
        query = SearchQuery(text: text)
        query.categories = try Self.set(fields, "category")
        query.brands = try Self.set(fields, "brand")
        for slug in options.keys {
            let chosen = try Self.set(fields, slug)
            if !chosen.isEmpty { query.options[slug] = chosen }
        }
        lowest = try fields.optional("min")?.trimmingSpaces ?? ""
        highest = try fields.optional("max")?.trimmingSpaces ?? ""
        query.lowestPrice = try Self.price(lowest, "lowest", currency: currency)
        query.highestPrice = try Self.price(highest, "highest", currency: currency)
        if let low = query.lowestPrice, let high = query.highestPrice, low > high {
            throw HTTPError(400, "The lowest price is above the highest price.", log: "min \(low) > max \(high)")
        }
        switch try fields.optional("stock") ?? "" {
        case "": break
        case "1": query.inStockOnly = true
        default: throw HTTPError(400, "“In stock only” is either on (1) or left out.", log: "bad stock value")
        }
        switch try fields.optional("sale") ?? "" {
        case "": break
        case "1": query.onSaleOnly = true
        default: throw HTTPError(400, "“On sale” is either on (1) or left out.", log: "bad sale value")
        }
        let rating = try fields.optional("rating") ?? ""
        if !rating.isEmpty {
            guard rating.allSatisfy(\.isASCII), let stars = Int(rating), (1...5).contains(stars) else {
                throw HTTPError(400, "The rating must be a whole number of stars from 1 to 5, such as 4.", log: "bad rating")
            }
            query.minimumRating = stars
        }
        let sort = try fields.optional("sort") ?? ""
        if !sort.isEmpty {
            guard let chosen = SearchSort(rawValue: sort) else {
                throw HTTPError(400, "Results can be sorted by relevance, newest or price.", log: "unknown sort")
            }
            query.sort = chosen
        }
        let page = try fields.optional("page") ?? ""
        if !page.isEmpty {
            guard page.allSatisfy(\.isASCII), let number = Int(page), (1...Self.lastPage).contains(number) else {
                throw HTTPError(400, "The page must be a number from 1 to \(Self.lastPage).", log: "bad page")
            }
            query.page = number
        }
        let limit = try fields.optional("limit") ?? ""
        if !limit.isEmpty {
            guard limit.allSatisfy(\.isASCII), let number = Int(limit), (1...SearchQuery.pageSize).contains(number) else {
                throw HTTPError(400, "The limit must be a number from 1 to \(SearchQuery.pageSize).", log: "bad limit")
            }
            self.limit = number
        }
    }

    /// The distinct non-empty values of a facet sent any number of times.
    private static func set(_ fields: Fields, _ name: String) throws(HTTPError) -> Set<String> {
        let values = fields.values(name).filter { !$0.isEmpty }
        guard values.count <= mostValues, values.allSatisfy({ $0.count <= longestText }) else {
            throw HTTPError(400, "Too many or too long values of “\(name)”.", log: "\(values.count) values of \(name)")
        }
        return Set(values)
    }

    /// A price bound in minor units, nil when left empty.
    private static func price(_ text: String, _ end: String, currency: Currency) throws(HTTPError) -> Int64? {
        guard !text.isEmpty else { return nil }
        do {
            return try Money(parsing: text, in: currency).minorUnits
        } catch .negative {
            throw HTTPError(400, "The \(end) price cannot be negative.", log: "negative \(end) price")
        } catch .tooLarge {
            throw HTTPError(400, "The \(end) price is too large.", log: "huge \(end) price")
        } catch {
            throw HTTPError(
                400, "The \(end) price must be an amount such as 20 or 19.99.", log: "\(end) price not a number: \(error)")
        }
    }
}
