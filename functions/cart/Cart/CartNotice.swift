import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// What the cart page says after a change: "Added …", "Only 3 left …", "Removed …".
///
/// After a form POST it travels in the 303's query string as a code and a SKU, never as text,
/// so the page cannot be made to display words of someone else's choosing.
struct CartNotice {
    enum Kind: String {
        case added, updated, removed
        /// The line holds less than asked: the stock or the per-line maximum stopped it.
        case limitedByStock = "limited-stock"
        case limitedByMaximum = "limited-max"
        /// Placing the order found these lines short: the cart now holds what is left. `sku`
        /// lists them, separated by commas.
        case stockChanged = "stock-changed"
    }

    var kind: Kind
    var sku: String

    init(kind: Kind, sku: String) {
        self.kind = kind
        self.sku = sku
    }

    init(after change: CartChange, added: Bool) {
        sku = change.sku
        switch change.limitedBy {
        case .stock: kind = .limitedByStock
        case .maxPerLine: kind = .limitedByMaximum
        case nil: kind = change.quantity == 0 ? .removed : added ? .added : .updated
        }
    }

    /// The notice named by the cart page's query string, if it names a valid one.
    init?(query: Fields) {
        guard let code = try? query.optional("notice"), let kind = Kind(rawValue: code),
            let sku = try? query.optional("sku"), sku.utf8.count <= 64 * 20
        else { return nil }
        self.init(kind: kind, sku: sku)
    }

    /// The cart page with this notice in its query string: where a form's change redirects to.
    /// Sized once: an interpolation's first guess is too small for a SKU and grows again.
    var location: String {
        var location = "/fn/cart?notice="
        location.reserveCapacity(location.utf8.count + kind.rawValue.utf8.count + 5 + sku.utf8.count)
        location += kind.rawValue
        location += "&sku="
        location += sku
        return location
    }

    /// The sentence for the shopper, naming the line from the database.
    func message(in view: CartView, maxPerLine: Int) -> (tone: String, text: String) {
        let line = view.lines.first { $0.variant.sku == sku }
        let name = line.map { CartView.name(of: $0.variant) } ?? "The item"
        let quantity = line?.quantity ?? 0
        return switch kind {
        case .added: ("success", "Added \(name) to your cart.")
        case .updated: ("success", "Updated \(name): quantity \(quantity).")
        case .removed: ("success", "Removed the item from your cart.")
        case .limitedByStock: ("warning", "Only \(quantity) of \(name) in stock, so your cart holds \(quantity).")
        case .limitedByMaximum: ("warning", "You can buy up to \(maxPerLine) of \(name) per order, so your cart holds \(quantity).")
        case .stockChanged:
            (
                "warning",
                "While you were checking out, some items sold out: " + changedLines(in: view) + ". Your cart now holds what is left."
            )
        }
    }

    /// The notice as a JSON object: `kind`, `tone`, `sku` and `message`.
    func write(in view: CartView, to json: inout JSONWriter) {
        let (tone, text) = message(in: view, maxPerLine: view.maxPerLine)
        json.beginObject()
        json.key("kind")
        json.string(kind.rawValue)
        json.key("tone")
        json.string(tone)
        json.key("sku")
        json.string(sku)
        json.key("message")
        json.string(text)
        json.endObject()
    }

    /// "Organic Tee — Forest / M (now 1), Cap (sold out)" for the SKUs of a stock-changed notice.
    private func changedLines(in view: CartView) -> String {
        sku.split(separator: ",").map { sku in
            if let line = view.lines.first(where: { $0.variant.sku == sku }) {
                "\(CartView.name(of: line.variant)) (now \(line.quantity))"
            } else {
                "one item (sold out, removed)"
            }
        }.joined(separator: ", ")
    }
}
