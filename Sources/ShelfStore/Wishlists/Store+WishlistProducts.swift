extension Store {
    /// The variants of these products as a cart sells them now, by product handle, in the
    /// product's variant order: what the wish list page shows and moves to the cart. Products
    /// that are unknown are left out; unpublished ones and removed variants come with
    /// `isPublished` false.
    public func wishlistVariants(ofProducts handles: [String]) throws -> [String: [SellableVariant]] {
        let handles = Array(Set(handles))
        guard !handles.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: handles.count).joined(separator: ", ")
        let rows = try database.query(
            """
            SELECT \(Self.sellableColumns) FROM \(Self.sellableTables)
            WHERE variants.product_handle IN (\(placeholders))
            ORDER BY variants.product_handle, variants.position, variants.sku, variant_options.position
            """, handles.map { .text($0) })
        return Dictionary(grouping: try Self.sellableVariants(in: rows).map(\.variant), by: \.productHandle)
    }
}
