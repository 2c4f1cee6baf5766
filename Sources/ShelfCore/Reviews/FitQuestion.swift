/// Which products the review form asks how they fit (runs small, true to size, runs large), and
/// whose pages show what buyers answered: `[reviews] fit_categories` in `shelf.toml`.
///
/// ```swift
/// FitQuestion.sizedProducts.asks(hasSizeOption: true, categories: ["home"])             // true
/// FitQuestion.categories(["women", "men"]).asks(hasSizeOption: true, categories: ["home"])  // false
/// ```
public enum FitQuestion: Hashable, Sendable {
    /// Products with a Size option, whatever their category: the default.
    case sizedProducts
    /// Products in one of these categories (the store's apparel), whatever their options.
    case categories([String])

    /// True when a product with or without a Size option, in these categories, is asked.
    public func asks(hasSizeOption: Bool, categories productCategories: [String]) -> Bool {
        switch self {
        case .sizedProducts: hasSizeOption
        case .categories(let apparel): productCategories.contains { apparel.contains($0) }
        }
    }

    /// True when `product` is asked: its options and categories as the content files give them.
    public func asks(_ product: Product) -> Bool {
        asks(hasSizeOption: product.options.contains { $0.name.lowercased() == "size" }, categories: product.categories)
    }
}
