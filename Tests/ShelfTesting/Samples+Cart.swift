public import ShelfCore

extension Product {
    /// A sample product in colours and sizes, each variant at `price` euro cents.
    ///
    /// Options are Colour then Size; SKUs are `HANDLE-COLOUR-SIZE` in upper case
    /// (`TEE-FOREST-M`); the pictures are a general one, then one per colour
    /// (`images/tee-forest.jpg`, alt `Tee in Forest`).
    public static func sampleInColours(
        _ handle: String = "tee", colours: [String] = ["Forest", "Sand"], sizes: [String] = ["S", "M"], price: Int64 = 2500
    ) -> Product {
        var product = Product.sample(handle, skus: [], price: price)
        product.options = [
            ProductOption(name: "Colour", values: colours.map { OptionValue($0) }),
            ProductOption(name: "Size", values: sizes.map { OptionValue($0) }),
        ]
        product.variants = colours.flatMap { colour in
            sizes.map { size in
                Variant(sku: "\(handle)-\(colour)-\(size)".uppercased(), optionValues: [colour, size], price: .euros(price))
            }
        }
        let title = product.title
        product.images =
            [ProductImage(src: "images/\(handle).jpg", alt: title)]
            + colours.map { ProductImage(src: "images/\(handle)-\($0.lowercased()).jpg", alt: "\(title) in \($0)", optionValue: $0) }
        return product
    }
}

/// A stand-in for the hex SHA-256 of a session cookie: 64 hex digits, one value per `seed`.
public func sampleTokenHash(_ seed: Int) -> String {
    let digits = String(seed, radix: 16)
    return String(repeating: "0", count: 64 - digits.count) + digits
}
