/// One search counted over the ``SearchCatalogue`` in a single pass: the products it leaves,
/// the page of them asked for, and each facet's counts under every choice but its own.
///
/// Option choices, prices, "in stock" and "on sale" apply to one variant together, so each
/// variant gets a mask of the choices it fails; a facet counts the variants that fail none but
/// its own.
struct SearchTally {
    var total = 0
    /// The handles of the page asked for, in order.
    var page: [String] = []
    var facets = SearchFacets()

    /// What a product is sorted by: its rank, its lowest matching price, its place among the
    /// newest.
    private struct Passing {
        var product: Int
        var rank: Int64
        var price: Int64
    }

    private static let priceBit: UInt64 = 1
    private static let stockBit: UInt64 = 2
    private static let saleBit: UInt64 = 4

    /// Counts `matched` (products by their place in `catalogue`, with their rank) under the
    /// choices of `query`; `optionNames` are the option facets by slug.
    init(_ catalogue: SearchCatalogue, matched: [(product: Int, rank: Int64)], query: SearchQuery, optionNames: [String: String]) {
        let categories =
            query.categories.isEmpty
            ? nil : Set(catalogue.categories.indices.filter { query.categories.contains(catalogue.categories[$0]) })
        let brands = query.brands.isEmpty ? nil : Self.matching(catalogue.brands, query.brands)
        let optionIndex = Dictionary(catalogue.options.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Each chosen option: the catalogue option, its bit in a variant's mask, the values chosen.
        var chosen: [(option: Int?, bit: UInt64, values: Set<Int>)] = []
        for (slug, values) in query.options.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            let option = optionNames[slug].flatMap { optionIndex[$0] }
            let bit = UInt64(1) << UInt64(min(3 + chosen.count, 63))
            chosen.append((option, bit, option.map { Self.matching(catalogue.options[$0].values, values) } ?? []))
        }
        let facetOptions = optionNames.sorted { $0.key < $1.key }.map { (slug: $0.key, name: $0.value, option: optionIndex[$0.value]) }
        let ranges = catalogue.priceRanges

        var categoryCounts = [Int](repeating: 0, count: catalogue.categories.count)
        var brandCounts = [Int](repeating: 0, count: catalogue.brands.count)
        var valueCounts = catalogue.options.map { [Int](repeating: 0, count: $0.values.count) }
        var valueFirst = catalogue.options.map { [Int](repeating: Int.max, count: $0.values.count) }
        var rangeCounts = [Int](repeating: 0, count: ranges.count)
        var passing: [Passing] = []
        passing.reserveCapacity(matched.count)
        var masks: [UInt64] = []
        var seen: [Int] = []

        for (index, rank) in matched {
            let product = catalogue.products[index]
            let inCategory = categories.map { chosen in product.categories.contains { chosen.contains($0) } } ?? true
            let ofBrand = brands.map { chosen in product.brand.map { chosen.contains($0) } ?? false } ?? true
            guard inCategory || ofBrand else { continue }
            masks.removeAll(keepingCapacity: true)
            for (position, variant) in product.variants.enumerated() {
                var mask: UInt64 = 0
                if let lowest = query.lowestPrice, variant.price < lowest { mask |= Self.priceBit }
                if let highest = query.highestPrice, variant.price > highest { mask |= Self.priceBit }
                if query.inStockOnly, !variant.available { mask |= Self.stockBit }
                if query.onSaleOnly, !variant.onSale { mask |= Self.saleBit }
                for choice in chosen {
                    let slot = choice.option.flatMap { product.options.firstIndex(of: $0) }
                    guard let slot, choice.values.contains(product.values[position * product.options.count + slot]) else {
                        mask |= choice.bit
                        continue
                    }
                }
                masks.append(mask)
            }
            let anyVariant = masks.contains(0)
            if inCategory, ofBrand, anyVariant {
                var lowest = Int64.max
                for (variant, mask) in zip(product.variants, masks) where mask == 0 { lowest = min(lowest, variant.price) }
                passing.append(Passing(product: index, rank: rank, price: lowest))
            }
            if ofBrand, anyVariant { for category in product.categories { categoryCounts[category] += 1 } }
            if inCategory, anyVariant, let brand = product.brand { brandCounts[brand] += 1 }
            guard inCategory, ofBrand else { continue }
            for facet in facetOptions {
                guard let option = facet.option, let slot = product.options.firstIndex(of: option) else { continue }
                let bit = chosen.first { $0.option == option }?.bit ?? 0
                seen.removeAll(keepingCapacity: true)
                for (position, mask) in masks.enumerated() where mask & ~bit == 0 {
                    let value = product.values[position * product.options.count + slot]
                    valueFirst[option][value] = min(valueFirst[option][value], position)
                    if !seen.contains(value) {
                        seen.append(value)
                        valueCounts[option][value] += 1
                    }
                }
            }
            let variants = zip(product.variants, masks)
            if variants.contains(where: { $0.1 & ~Self.stockBit == 0 && $0.0.available }) { facets.inStock += 1 }
            if variants.contains(where: { $0.1 & ~Self.saleBit == 0 && $0.0.onSale }) { facets.onSale += 1 }
            for (range, bounds) in ranges.enumerated()
            where variants.contains(where: { $0.1 & ~Self.priceBit == 0 && bounds.contains($0.0.price) }) {
                rangeCounts[range] += 1
            }
        }

        total = passing.count
        let order = catalogue.titleOrder
        let start = min(passing.count, max(0, query.page - 1) * SearchQuery.pageSize)
        // Only the pages up to the one asked for are ordered, not every product found.
        let shown = passing.smallest(start < passing.count ? start + SearchQuery.pageSize : 0) { a, b in
            switch query.sort {
            case .relevance: (a.rank, a.product) < (b.rank, b.product)
            case .newest: a.product < b.product
            case .priceLowHigh: (a.price, order[a.product]) < (b.price, order[b.product])
            case .priceHighLow: (b.price, order[a.product]) < (a.price, order[b.product])
            }
        }
        page = shown.dropFirst(start).map { catalogue.products[$0.product].handle }

        facets.categories = categoryCounts.enumerated().filter { $0.1 > 0 }.map {
            FacetCount(value: catalogue.categories[$0.0], count: $0.1)
        }
        facets.brands = brandCounts.enumerated().filter { $0.1 > 0 }.map { FacetCount(value: catalogue.brands[$0.0], count: $0.1) }
            .sorted { $0.value < $1.value }
        facets.options = facetOptions.map { facet in
            guard let option = facet.option else { return OptionFacet(name: facet.name, slug: facet.slug, values: []) }
            let values = catalogue.options[option].values.indices.filter { valueCounts[option][$0] > 0 }
                .sorted {
                    (valueFirst[option][$0], catalogue.options[option].values[$0]) < (
                        valueFirst[option][$1], catalogue.options[option].values[$1]
                    )
                }
            return OptionFacet(
                name: facet.name, slug: facet.slug,
                values: values.map { FacetCount(value: catalogue.options[option].values[$0], count: valueCounts[option][$0]) })
        }
        facets.priceRanges = zip(ranges, rangeCounts).map { range, count in
            PriceRangeCount(
                lowest: range.lowerBound == 0 ? nil : range.lowerBound, highest: range.upperBound == .max ? nil : range.upperBound,
                count: count)
        }
    }

    /// The indexes of `names` equal to one of `chosen` in ASCII lower case (`navy` chooses `Navy`).
    private static func matching(_ names: [String], _ chosen: Set<String>) -> Set<Int> {
        let wanted = Set(chosen.map(Self.asciiLowercased))
        return Set(names.indices.filter { wanted.contains(Self.asciiLowercased(names[$0])) })
    }

    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }))
    }
}

extension UInt8 {
    /// The ASCII letter in lower case; any other byte as it is.
    fileprivate var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
