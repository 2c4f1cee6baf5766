import ShelfCore

extension StoreConfig.Catalogue {
    /// Whether the values of an option (`Colour`, slug `colour`) get static filter pages.
    public func hasFilterPages(forOption name: String) -> Bool {
        filterPages.map { $0.contains { Slug.make($0) == Slug.make(name) } } ?? true
    }

    /// Reads `[catalogue]`; every problem names the line and what to change.
    init(_ section: TOMLReader) throws(SiteError) {
        self.init()
        try section.allowOnly([
            "per_page", "new_arrivals", "featured_categories", "low_stock", "size_guide", "sort_pages", "filter_pages",
        ])
        perPage = try section.int("per_page", in: 1...500) ?? perPage
        newArrivals = try section.int("new_arrivals", in: 0...100) ?? newArrivals
        featuredCategories = try section.strings("featured_categories") ?? []
        lowStock = try section.int("low_stock", in: 0...1000) ?? lowStock
        sizeGuide = try section.string("size_guide")
        if let names = try section.strings("sort_pages") {
            sortPages = []
            for name in names {
                guard let order = ListingSort(rawValue: name) else {
                    let choices = ListingSort.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw section.error(at: "sort_pages", "sort_pages names \"\(name)\", which is not a sort order; use \(choices)")
                }
                guard !sortPages.contains(order) else {
                    throw section.error(at: "sort_pages", "sort_pages names \"\(name)\" twice; keep one")
                }
                sortPages.append(order)
            }
            guard sortPages.isEmpty || sortPages.contains(.newest) else {
                throw section.error(
                    at: "sort_pages",
                    "sort_pages must include \"newest\" when it offers other orders: a listing's own pages are newest first")
            }
        }
        if let names = try section.strings("filter_pages") {
            for name in names where Slug.make(name).isEmpty {
                throw section.error(at: "filter_pages", "filter_pages names \"\(name)\"; name an option, like \"Colour\" or \"Size\"")
            }
            filterPages = names
        }
    }
}
