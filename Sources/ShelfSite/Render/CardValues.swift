import Mustache
import ShelfCore
import ShelfStore

/// A product's card as templates see it: `html`, the card partial rendered once per build, is
/// kept; every other value (`title`, `price`, `swatches`, …) is made when a template asks for it.
///
/// Listings only write `{{{html}}}`, so a catalogue of 50,000 products no longer holds a
/// dictionary of card values per product for the whole build, only the rendered card.
final class CardValues: MustacheParent, @unchecked Sendable {
    let html: String
    private let product: Product
    private let soldOut: Bool
    private let reviews: ReviewSummary?
    private let prices: PriceFormatter

    init(product: Product, soldOut: Bool, reviews: ReviewSummary?, prices: PriceFormatter, render: (Values) -> String) {
        self.product = product
        self.soldOut = soldOut
        self.reviews = reviews
        self.prices = prices
        self.html = render(Card.values(for: product, soldOut: soldOut, reviews: reviews, prices: prices))
    }

    func child(named name: String) -> Any? {
        name == "html" ? html : Card.values(for: product, soldOut: soldOut, reviews: reviews, prices: prices)[name]
    }
}
