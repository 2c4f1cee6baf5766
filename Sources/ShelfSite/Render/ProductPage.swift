import ShelfConfig
import ShelfCore
import ShelfStore

/// The product page: gallery, variant picker, price, availability, Add to Cart, related products.
struct ProductPage {
    let model: SiteModel
    let product: Product

    var path: String { "/products/\(product.handle)/" }

    /// Related products: the merchant's picks, else others of the main category, newest first.
    var related: [String] {
        if let known = model.facts.related?[product.handle] { return known }
        if !product.related.isEmpty { return product.related.filter { model.indexByHandle[$0] != nil } }
        guard let main = product.categories.first, let siblings = model.productsByCategory[main] else { return [] }
        var handles: [String] = []
        for index in siblings where model.newest[index].handle != product.handle {
            handles.append(model.newest[index].handle)
            if handles.count == 4 { break }
        }
        return handles
    }

    func fingerprint(template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(model.chromeFingerprint)
        hasher.combine(model.content.sourceHashes[product.handle] ?? 0)
        for variant in product.variants {
            hasher.combine(model.stockState(variant.sku))
            // A campaign's sale price changes the page without changing its file.
            hasher.combine(variant.price.minorUnits.description)
            hasher.combine(variant.compareAtPrice?.minorUnits.description)
        }
        for other in related { hasher.combine(model.cardFingerprint(other)) }
        if let summary = model.reviews.summaries[product.handle] {
            hasher.combine(summary.stars.map(String.init))
            hasher.combine([summary.runsSmall, summary.trueToSize, summary.runsLarge].map(String.init))
        }
        for review in model.reviews.newest[product.handle] ?? [] {
            hasher.combine([String(review.id), String(review.rating), review.title, review.body, review.displayName])
            hasher.combine([String(review.createdAt), review.fit?.rawValue ?? "", review.reply ?? ""])
            hasher.combine([String(review.helpfulCount), String(review.unhelpfulCount)])
        }
        return hasher.value
    }

    /// The option the shopper picks with the size boxes: the second option, or the only one.
    private var chosenOption: String {
        product.options.count >= 2 ? product.options[1].name : product.options.first?.name ?? "option"
    }

    /// "a" or "an", by the word's first letter.
    private static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    func values() -> Values {
        let chrome = Chrome(model: model)
        let prices = model.prices
        let low = model.config.catalogue.lowStock
        let available = { (variant: Variant) in (model.stock[variant.sku] ?? 0) > 0 }
        let note = { (variant: Variant) -> String? in
            let count = model.stock[variant.sku] ?? 0
            return count <= 0 ? "Sold out" : count <= low ? "Only \(count) left" : nil
        }
        let lowest = product.variants.min { $0.price < $1.price }!
        let firstChoice = product.variants.first(where: available) ?? product.variants[0]

        var values: Values = [
            "title": product.title, "handle": product.handle, "description_html": product.descriptionHTML,
            "price": prices.string(lowest.price), "cart_action": "/fn/cart/add",
        ]
        values.setText("brand", product.brand)
        if product.variants.contains(where: { $0.price != lowest.price }) { values["from"] = true }
        if lowest.isOnSale, let compareAt = lowest.compareAtPrice {
            values["compare_at"] = prices.string(compareAt)
            values["on_sale"] = true
        }
        if product.variants.contains(where: available) { values["available"] = true }
        // The sold-out variants a shopper may ask to be told about (`/fn/subscribe` with the SKU).
        let soldOut = product.variants.filter { !available($0) }
        if !soldOut.isEmpty {
            values["has_sold_out"] = true
            values["sold_out"] = soldOut.map { variant -> Values in
                ["sku": variant.sku, "label": variant.optionValues.isEmpty ? product.title : variant.optionValues.joined(separator: " / ")]
            }
        }
        values.setText("size_guide_url", model.config.catalogue.sizeGuide)
        let returnsPage = model.content.pages.first { $0.handle == "returns" }
        values["perks"] = ProductPerks(checkout: model.config.checkout, prices: prices).values(returnsURL: returnsPage?.path)
        let choose = chosenOption.lowercased()
        values["choose"] = choose
        values["choose_label"] = "Choose \(Self.article(choose)) \(choose)"
        values["images"] = product.images.enumerated().map { index, image in
            var entry: Values = ["src": image.src, "alt": image.alt, "first": index == 0]
            entry.setText("option_value", image.optionValue)
            return entry
        }
        var crumbs: [Values] = [["title": "Shop", "url": "/shop/"]]
        if let main = product.categories.first {
            crumbs.append(["title": model.categoryTitle(main), "url": "/shop/\(main)/"])
        }
        values["breadcrumbs"] = crumbs
        values["related"] = related.map { model.card($0) }
        if let summary = model.reviews.summaries[product.handle], summary.count > 0 {
            let days = DayFormatter(locale: model.config.locale)
            values["reviews"] =
                [
                    "summary": ReviewTemplateValues.summary(summary, showsFit: model.config.reviews.fitQuestion.asks(product)),
                    "list": (model.reviews.newest[product.handle] ?? []).map {
                        ReviewTemplateValues.review($0, days: days, back: path + "#review-\($0.id)")
                    },
                    "all_url": ReviewTemplateValues.allReviewsURL(of: product.handle),
                ] as Values
        }

        // The picker: first option as radios, variants grouped by its values. A size is checked
        // only when it is the one its colour comes in: otherwise the shopper chooses it.
        let groupOf = { (variant: Variant) in product.options.count < 2 ? "" : variant.optionValues[0] }
        let groupSizes = Dictionary(grouping: product.variants, by: groupOf).mapValues(\.count)
        let variantValues = { (variant: Variant, label: String) -> Values in
            var entry: Values = [
                "sku": variant.sku, "id": "sku-\(Slug.make(variant.sku))", "label": label,
                "checked": variant.sku == firstChoice.sku && groupSizes[groupOf(variant)] == 1, "available": available(variant),
                "price": prices.string(variant.price),
            ]
            entry.setText("stock_note", note(variant))
            return entry
        }
        switch product.options.count {
        case 0:
            values["groups"] = [["label": "Option", "variants": [variantValues(product.variants[0], product.title)]] as Values]
        case 1:
            let option = product.options[0]
            values["groups"] = [
                [
                    "value": option.name, "slug": option.slug, "label": option.name,
                    "variants": product.variants.map { variantValues($0, $0.optionValues[0]) },
                ] as Values
            ]
        default:
            let primary = product.options[0]
            values["primary"] =
                [
                    "name": primary.name, "slug": primary.slug, "swatches": primary.hasSwatches,
                    "values": primary.values.map { value -> Values in
                        var entry: Values = [
                            "value": value.value, "slug": Slug.make(value.value), "id": "\(primary.slug)-\(Slug.make(value.value))",
                            "checked": value.value == firstChoice.optionValues[0],
                            "available": product.variants.contains { $0.optionValues[0] == value.value && available($0) },
                        ]
                        entry.setText("swatch", value.swatch)
                        return entry
                    },
                ] as Values
            let secondName = product.options[1].name
            values["groups"] = primary.values.map { value -> Values in
                [
                    "value": value.value, "slug": Slug.make(value.value), "label": secondName,
                    "variants": product.variants.filter { $0.optionValues[0] == value.value }.map {
                        variantValues($0, $0.optionValues.dropFirst().joined(separator: " / "))
                    },
                ]
            }
        }
        if product.variants.count == 1 { values["single_variant"] = ["sku": product.variants[0].sku] as Values }
        values["variants_json"] =
            JSON.array(
                product.variants.map { variant in
                    let image = product.images.first { $0.optionValue != nil && variant.optionValues.contains($0.optionValue!) }
                    // Members without a value are left out rather than written as null.
                    var members: [(String, JSON)] = [
                        ("sku", .string(variant.sku)),
                        ("options", .array(variant.optionValues.map { .string($0) })),
                        ("price", .string(prices.string(variant.price))),
                        ("available", .bool(available(variant))),
                    ]
                    if variant.isOnSale { members.append(("compare_at", .string(prices.string(variant.compareAtPrice!)))) }
                    if let note = note(variant) { members.append(("stock_note", .string(note))) }
                    if let image { members.append(("image", .string(image.src))) }
                    return JSON.object(members)
                }
            ).text

        let description = product.seoDescription ?? MetaDescription.cut(product.summary)
        var og = chrome.openGraph(
            title: product.seoTitle ?? product.title, description: description, path: path,
            image: product.images.first { Chrome.isRaster($0.src) }?.src,
            type: "product")
        og.append(("product:price:amount", lowest.price.decimalString))
        og.append(("product:price:currency", lowest.price.currency.code))
        let head = Chrome.Head(
            title: chrome.title(product.seoTitle ?? product.title), description: description, path: path, og: og,
            jsonLD: jsonLD(description: product.seoDescription ?? product.summary))
        var all = chrome.values(head)
        all["product"] = values
        return all
    }

    /// schema.org `Product` with one `Offer` per variant. The page's URL is given once, on the
    /// product: every variant is sold on this page, and `url` is optional on an `Offer`.
    private func jsonLD(description: String) -> String {
        var members: [(String, JSON)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Product")),
            ("name", .string(product.title)), ("description", .string(description)),
            ("url", .string(model.absolute(path))),
            ("productID", .string(product.handle)),
        ]
        if let brand = product.brand {
            members.append(("brand", .object([("@type", .string("Brand")), ("name", .string(brand))])))
        }
        if !product.images.isEmpty {
            members.append(("image", .array(product.images.map { .string(model.absolute($0.src)) })))
        }
        if let category = product.categories.first { members.append(("category", .string(model.categoryTitle(category)))) }
        members.append(
            (
                "offers",
                .array(
                    product.variants.map { variant in
                        var offer: [(String, JSON)] = [
                            ("@type", .string("Offer")), ("sku", .string(variant.sku)),
                            ("price", .string(variant.price.decimalString)), ("priceCurrency", .string(variant.price.currency.code)),
                            (
                                "availability",
                                .string(
                                    (model.stock[variant.sku] ?? 0) > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")
                            ),
                            ("itemCondition", .string("https://schema.org/NewCondition")),
                        ]
                        if !variant.optionValues.isEmpty {
                            offer.append(("name", .string("\(product.title) – \(variant.optionValues.joined(separator: " / "))")))
                        }
                        return .object(offer)
                    })
            ))
        members += reviewsJSONLD()
        return JSON.object(members).text
    }

    /// `aggregateRating` and the `review`s shown on the page; nothing without approved reviews,
    /// as search engines accept ratings only from reviews the page itself shows.
    private func reviewsJSONLD() -> [(String, JSON)] {
        guard let summary = model.reviews.summaries[product.handle], summary.count > 0 else { return [] }
        let average = "\(summary.averageTenths / 10).\(summary.averageTenths % 10)"
        var members: [(String, JSON)] = [
            (
                "aggregateRating",
                .object([
                    ("@type", .string("AggregateRating")), ("ratingValue", .string(average)),
                    ("reviewCount", .number(String(summary.count))),
                    ("bestRating", .string("5")), ("worstRating", .string("1")),
                ])
            )
        ]
        let shown = model.reviews.newest[product.handle] ?? []
        if !shown.isEmpty {
            members.append(
                (
                    "review",
                    .array(
                        shown.map { review in
                            .object([
                                ("@type", .string("Review")), ("name", .string(review.title)), ("reviewBody", .string(review.body)),
                                ("datePublished", .string(CalendarDay.of(review.createdAt))),
                                ("author", .object([("@type", .string("Person")), ("name", .string(review.displayName))])),
                                (
                                    "reviewRating",
                                    .object([
                                        ("@type", .string("Rating")), ("ratingValue", .string(String(review.rating))),
                                        ("bestRating", .string("5")), ("worstRating", .string("1")),
                                    ])
                                ),
                            ])
                        })
                ))
        }
        return members
    }
}
