public import ShelfCore

extension Currency {
    /// The euro, for samples.
    // swift-format-ignore: NeverUseForceTry
    // EUR is in ShelfCore's ISO 4217 table; failing here would be a bug there, not bad input.
    public static let euro = try! Currency(code: "EUR")
}

extension Money {
    /// An amount in euro cents, for samples: `.euros(2500)` is 25.00 EUR.
    public static func euros(_ cents: Int64) -> Money {
        Money(minorUnits: cents, currency: .euro)
    }
}

extension Product {
    /// A sample T-shirt-like product with one size variant per SKU, each at `price` euro cents.
    ///
    /// SKUs default to `HANDLE-S`, `HANDLE-M`, `HANDLE-L` in upper case.
    public static func sample(
        _ handle: String = "tee", skus: [String]? = nil, price: Int64 = 2500, categories: [String] = [],
        published: Bool = true
    ) -> Product {
        let skus = skus ?? ["S", "M", "L"].map { "\(handle.uppercased())-\($0)" }
        let sizes = skus.map { String($0.split(separator: "-").last ?? Substring($0)) }
        return Product(
            handle: handle,
            title: titled(handle),
            categories: categories,
            options: [ProductOption(name: "Size", values: sizes.map { OptionValue($0) })],
            variants: zip(skus, sizes).map { Variant(sku: $0, optionValues: [$1], price: .euros(price)) },
            published: published
        )
    }
}

extension Category {
    /// A sample category titled after its handle.
    public static func sample(_ handle: String) -> Category {
        Category(handle: handle, title: titled(handle))
    }
}

/// `organic-tee` → `Organic tee`: good enough for a sample title.
private func titled(_ handle: String) -> String {
    handle.prefix(1).uppercased() + String(handle.dropFirst().map { $0 == "-" ? " " : $0 })
}
