/// One search counted over the ``SearchCatalogue`` in a single pass: the products it leaves,
/// the page of them asked for, and each facet's counts under every choice but its own.
///
/// Option choices, prices, "in stock" and "on sale" apply to one variant together, so each
/// variant gets a mask of the choices it fails; a facet counts the variants that fail none but
/// its own. Categories, brands and the rating are the product's own.
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
    /// choices of `query`; `optionNames` are the option facets by slug, `averages` each
    /// product's average rating in tenths (0 without reviews).
    init(
        _ catalogue: SearchCatalogue, matched: [(product: Int, rank: Int64)], query: SearchQuery, optionNames: [String: String],
        averages: [UInt8]
    ) {
        let leastAverage = query.minimumRating.map { $0 * 10 }
        let ratingThresholds = RatingCount.offered.map { $0 * 10 }
        let chosenCategories = query.categories.isEmpty ? nil : catalogue.categories.map { query.categories.contains($0) }
        let chosenBrands = query.brands.isEmpty ? nil : Self.chosen(catalogue.brands, query.brands)
        let optionIndex = Dictionary(catalogue.options.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Each chosen option: the catalogue option (-1 for none: no variant has it), its bit in a
        // variant's mask, which values (of every option) are chosen.
        var chosen: [(option: Int, bit: UInt64, values: [Bool])] = []
        for (slug, values) in query.options.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            let option = optionNames[slug].flatMap { optionIndex[$0] }
            var allowed = [Bool](repeating: false, count: catalogue.valueCount)
            if let option {
                for (index, isChosen) in Self.chosen(catalogue.options[option].values, values).enumerated() where isChosen {
                    allowed[catalogue.options[option].ids[index]] = true
                }
            }
            chosen.append((option ?? -1, UInt64(1) << UInt64(min(3 + chosen.count, 63)), allowed))
        }
        let facetOptions = optionNames.sorted { $0.key < $1.key }.map { (slug: $0.key, name: $0.value, option: optionIndex[$0.value]) }
        // The options counted, each with the bit of its own choice (ignored when counting it).
        let counted = facetOptions.compactMap(\.option).map { option in (option, chosen.first { $0.option == option }?.bit ?? 0) }
        let ranges = catalogue.priceRanges
        let variants = catalogue.variants
        let optionCount = variants.optionCount
        let brandOf = catalogue.brandOf
        let categoryStarts = catalogue.categoryStarts
        let categoryList = catalogue.categoryList

        var categoryCounts = [Int](repeating: 0, count: catalogue.categories.count)
        var brandCounts = [Int](repeating: 0, count: catalogue.brands.count)
        var valueCounts = [Int](repeating: 0, count: catalogue.valueCount)
        var valueFirst = [Int](repeating: Int.max, count: catalogue.valueCount)
        // The last product (plus one) each value was counted for, so a product counts once.
        var valueCountedFor = [Int](repeating: 0, count: catalogue.valueCount)
        var rangeCounts = [Int](repeating: 0, count: ranges.count)
        var inStock = 0
        var onSale = 0
        var ratingCounts = [Int](repeating: 0, count: ratingThresholds.count)
        var passing: [Passing] = []
        passing.reserveCapacity(matched.count)
        var masks: [UInt64] = []

        for (index, rank) in matched {
            let categories = Int(categoryStarts[index])..<Int(categoryStarts[index + 1])
            let inCategory = chosenCategories.map { chosen in categories.contains { chosen[Int(categoryList[$0])] } } ?? true
            let brand = Int(brandOf[index])
            let ofBrand = chosenBrands.map { chosen in brand >= 0 && chosen[brand] } ?? true
            guard inCategory || ofBrand else { continue }
            let average = index < averages.count ? Int(averages[index]) : 0
            let rated = leastAverage.map { average >= $0 } ?? true
            let own = variants.of(index)
            masks.removeAll(keepingCapacity: true)
            var lowest = Int64.max
            for variant in own {
                var mask: UInt64 = 0
                let price = variants.prices[variant]
                if let least = query.lowestPrice, price < least { mask |= Self.priceBit }
                if let most = query.highestPrice, price > most { mask |= Self.priceBit }
                if query.inStockOnly, !variants.available[variant] { mask |= Self.stockBit }
                if query.onSaleOnly, !variants.onSale[variant] { mask |= Self.saleBit }
                for choice in chosen {
                    let value = choice.option < 0 ? -1 : Int(variants.values[variant * optionCount + choice.option])
                    if value < 0 || !choice.values[value] { mask |= choice.bit }
                }
                masks.append(mask)
                if mask == 0 { lowest = min(lowest, price) }
            }
            let anyVariant = lowest != Int64.max
            if inCategory, ofBrand, anyVariant {
                for (place, threshold) in ratingThresholds.enumerated() where average >= threshold { ratingCounts[place] += 1 }
            }
            guard rated else { continue }
            if inCategory, ofBrand, anyVariant { passing.append(Passing(product: index, rank: rank, price: lowest)) }
            if ofBrand, anyVariant { for place in categories { categoryCounts[Int(categoryList[place])] += 1 } }
            if inCategory, anyVariant, brand >= 0 { brandCounts[brand] += 1 }
            guard inCategory, ofBrand else { continue }
            for (option, bit) in counted {
                for (position, variant) in own.enumerated() where masks[position] & ~bit == 0 {
                    let value = Int(variants.values[variant * optionCount + option])
                    guard value >= 0 else { break }
                    valueFirst[value] = min(valueFirst[value], position)
                    if valueCountedFor[value] != index + 1 {
                        valueCountedFor[value] = index + 1
                        valueCounts[value] += 1
                    }
                }
            }
            var stocked = false
            var reduced = false
            for (position, variant) in own.enumerated() {
                stocked = stocked || (masks[position] & ~Self.stockBit == 0 && variants.available[variant])
                reduced = reduced || (masks[position] & ~Self.saleBit == 0 && variants.onSale[variant])
            }
            if stocked { inStock += 1 }
            if reduced { onSale += 1 }
            for (range, bounds) in ranges.enumerated()
            where masks.indices.contains(where: { masks[$0] & ~Self.priceBit == 0 && bounds.contains(variants.prices[own.lowerBound + $0]) }
            ) {
                rangeCounts[range] += 1
            }
        }
        facets.inStock = inStock
        facets.onSale = onSale
        facets.ratings = zip(RatingCount.offered, ratingCounts).map { RatingCount(stars: $0, count: $1) }

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
            let values = catalogue.options[option].values
            let ids = catalogue.options[option].ids
            let counted = values.indices.filter { valueCounts[ids[$0]] > 0 }
                .sorted { (valueFirst[ids[$0]], values[$0]) < (valueFirst[ids[$1]], values[$1]) }
            return OptionFacet(
                name: facet.name, slug: facet.slug, values: counted.map { FacetCount(value: values[$0], count: valueCounts[ids[$0]]) })
        }
        facets.priceRanges = zip(ranges, rangeCounts).map { range, count in
            PriceRangeCount(
                lowest: range.lowerBound == 0 ? nil : range.lowerBound, highest: range.upperBound == .max ? nil : range.upperBound,
                count: count)
        }
    }

    /// Whether each of `names` equals one of `chosen` in ASCII lower case (`navy` chooses `Navy`).
    private static func chosen(_ names: [String], _ chosen: Set<String>) -> [Bool] {
        let wanted = Set(chosen.map(Self.asciiLowercased))
        return names.map { wanted.contains(Self.asciiLowercased($0)) }
    }

    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }))
    }
}

extension UInt8 {
    /// The ASCII letter in lower case; any other byte as it is.
    fileprivate var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
