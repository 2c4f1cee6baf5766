public import ShelfCore

extension Store {
    /// True when product `handle` is asked how it fits under the store's `question`: its review
    /// form has the question and its pages show what buyers answered.
    public func asksFit(_ handle: String, _ question: FitQuestion) throws -> Bool {
        let sized = try database.query(
            """
            SELECT 1 FROM variant_options vo JOIN variants v ON v.sku = vo.sku
            WHERE v.product_handle = ? AND lower(vo.name) = 'size' LIMIT 1
            """, [.text(handle)])
        let categories = try database.query(
            "SELECT category_handle FROM product_categories WHERE product_handle = ? ORDER BY position", [.text(handle)])
        return question.asks(hasSizeOption: !sized.isEmpty, categories: try categories.map { try $0.text("category_handle") })
    }
}
