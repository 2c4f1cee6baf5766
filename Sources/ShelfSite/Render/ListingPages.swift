import ShelfConfig
import ShelfCore

/// One listing, such as a category or a category filtered by colour, in every sort order and page.
struct Listing {
    let model: SiteModel
    var title: String
    var description: String
    /// The listing's first page (`/shop/women/`).
    var basePath: String
    /// The products as indices in `SiteModel.newest`, newest first.
    var products: [Int]
    var category: String?
    /// The active filter (option slug and value) of a filter page.
    var filter: (option: String, value: String)?
    /// Sort orders offered; filter pages keep the default one.
    var sorts: [ListingSort]

    /// One page of the listing in one order.
    struct Page {
        let path: String
        let number: Int
        let pageCount: Int
        let sort: ListingSort
        let products: ArraySlice<Int>
    }

    var pages: [Page] {
        let perPage = model.config.catalogue.perPage
        let pageCount = max(1, (products.count + perPage - 1) / perPage)
        var pages: [Page] = []
        for sort in sorts {
            let rank = model.ranks[sort]!
            let sorted = sort == .newest ? products : products.sorted { rank[$0] < rank[$1] }
            for number in 1...pageCount {
                let start = (number - 1) * perPage
                pages.append(
                    Page(
                        path: path(sort: sort, number: number), number: number, pageCount: pageCount, sort: sort,
                        products: sorted[min(start, sorted.count)..<min(start + perPage, sorted.count)]))
            }
        }
        return pages
    }

    func path(sort: ListingSort, number: Int) -> String {
        basePath + sort.segment + (number > 1 ? "page/\(number)/" : "")
    }

    /// The page numbers a pagination shows: the first, the last and two either side of the
    /// current one, with `nil` for each gap, so a 400-page listing does not list 400 links.
    static func window(around current: Int, of count: Int) -> [Int?] {
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2)))
        var numbers: [Int?] = []
        for number in shown.sorted() {
            if let last = numbers.last, let previous = last, number > previous + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }

    func fingerprint(of page: Page, template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(model.templateFingerprint(Listing.categoryNavTemplate))
        hasher.combine(model.templateFingerprint(Listing.filtersTemplate))
        hasher.combine(model.chromeFingerprint)
        hasher.combine([page.path, title, description, basePath])
        hasher.combine(products.count)
        hasher.combine(page.pageCount)
        for index in page.products {
            let handle = model.newest[index].handle
            hasher.combine(handle)
            hasher.combine(model.cardFingerprint(handle))
        }
        if let category {
            hasher.combine(model.facetFingerprints[category] ?? 0)
            // The panel's form counts brands and ratings, which the facets leave out.
            hasher.combine((model.productsByCategory[category] ?? []).map { model.newest[$0].brand ?? "" })
            for rating in FilterForm.ratings(of: category, in: model) {
                hasher.combine(rating.stars)
                hasher.combine(rating.count)
            }
        }
        hasher.combine(filter?.option)
        hasher.combine(filter?.value)
        return hasher.value
    }

    /// The partials every page of a category shares, rendered once per category (and filter)
    /// rather than once per page: the category pills and the filter panel.
    static let categoryNavTemplate = "partials/category-nav"
    static let filtersTemplate = "partials/filters"

    /// `partials/category-nav`'s values: `categories`, every category with products, "All" first.
    private var categoryNav: Values {
        let pills: [Values] =
            [["title": "All", "url": "/shop/", "current": category == nil] as Values]
            + model.config.categories.filter { model.productsByCategory[$0.handle] != nil }.map {
                ["title": $0.title, "url": "/shop/\($0.handle)/", "current": $0.handle == category] as Values
            }
        return ["categories": pills]
    }

    /// The unfiltered listing, on a filter page.
    private var clearURL: String? { category.flatMap { filter == nil ? nil : "/shop/\($0)/" } }

    private var filterKey: String { filter.map { "\($0.option)\t\($0.value)" } ?? "" }

    /// `partials/filters`' values: the category's `filters`, the `form` that combines them
    /// (``FilterForm``) and, on a filter page, `clear_url`.
    private var filterPanel: Values {
        guard let category else { return [:] }
        let categoryBase = "/shop/\(category)/"
        var panel: Values = [
            "filters": model.facetsWithPages(category).map { facet in
                [
                    "name": facet.name, "slug": facet.slug,
                    "values": facet.values.map { value -> Values in
                        var entry: Values = [
                            "label": value.value, "count": value.count,
                            "url": "\(categoryBase)\(facet.slug)/\(Slug.make(value.value))/",
                            "current": filter.map { $0.option == facet.slug && $0.value == value.value } ?? false,
                        ]
                        entry.setText("swatch", value.swatch)
                        return entry
                    },
                ] as Values
            }
        ]
        panel.setText("clear_url", clearURL)
        panel["form"] = FilterForm(model: model, category: category, filter: filter).values
        return panel
    }

    func values(for page: Page) -> Values {
        let chrome = Chrome(model: model)
        var listing: Values = [
            "title": title, "count": products.count, "count_label": products.count == 1 ? "1 product" : "\(products.count) products",
            "products": page.products.map { model.card(model.newest[$0].handle) },
        ]
        listing.setText("description", description)
        listing["category_nav"] = model.fragment(Listing.categoryNavTemplate, key: category ?? "") { categoryNav }
        listing["filter_panel"] = model.fragment(Listing.filtersTemplate, key: "\(category ?? "")\t\(filterKey)") { filterPanel }
        listing.setText("clear_url", clearURL)
        if sorts.count > 1 {
            listing["has_sorts"] = true
            listing["sorts"] = sorts.map { sort in
                ["label": sort.label, "url": path(sort: sort, number: 1), "current": sort == page.sort] as Values
            }
        }
        var crumbs: [Values] = [["title": "Shop", "url": "/shop/"]]
        if let category, filter != nil {
            crumbs.append(["title": model.categoryTitle(category), "url": "/shop/\(category)/"])
        }
        listing["breadcrumbs"] = crumbs
        var prev: String?
        var next: String?
        if page.pageCount > 1 {
            prev = page.number > 1 ? path(sort: page.sort, number: page.number - 1) : nil
            next = page.number < page.pageCount ? path(sort: page.sort, number: page.number + 1) : nil
            var pagination: Values = [
                "page": page.number, "pages": page.pageCount,
                "numbers": Listing.window(around: page.number, of: page.pageCount).map { number -> Values in
                    guard let number else { return ["gap": true] }
                    return ["number": number, "url": path(sort: page.sort, number: number), "current": number == page.number]
                },
            ]
            pagination.setText("prev_url", prev)
            pagination.setText("next_url", next)
            listing["pagination"] = pagination
        }
        let pageSuffix = page.number > 1 ? " – page \(page.number)" : ""
        let metaDescription = description.isEmpty ? "\(title) at \(model.config.name)." : description
        let head = Chrome.Head(
            title: chrome.title(title + pageSuffix), description: metaDescription, path: page.path,
            og: chrome.openGraph(
                title: title, description: metaDescription, path: page.path,
                image: page.products.first.flatMap { model.newest[$0].images.first?.src }),
            prevURL: prev, nextURL: next)
        var all = chrome.values(head)
        all["listing"] = listing
        return all
    }
}
