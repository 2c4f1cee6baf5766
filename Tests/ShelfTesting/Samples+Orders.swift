public import ShelfCore
public import ShelfStore

extension Address {
    /// A valid Irish address, for samples.
    public static var sample: Address {
        var address = Address()
        address.email = "ada@example.com"
        address.name = "Ada Lovelace"
        address.street = "1 Main Street"
        address.city = "Dublin"
        address.postalCode = "D01 F5P2"
        address.country = "IE"
        return address
    }
}

extension OrderDraft {
    /// A draft of `lines` (SKU, quantity), each unit at `price` euro cents as the sample
    /// products are, priced as a checkout does: €4.95 standard shipping (free from €75) and
    /// 23% VAT included in the prices.
    public static func sample(
        _ lines: [(sku: String, quantity: Int)], price: Int64 = 2500, provider: String = "test", sessionID: Int64? = nil
    ) -> OrderDraft {
        let standard = ShippingMethod(
            id: "standard", name: "Standard", countries: .rest, rate: .euros(495), freeFrom: .euros(7500), delivery: "2–3 days")
        let vat = TaxRule(countries: .rest, rate: Rate(basisPoints: 2300), name: "VAT")
        let quote = Quote(
            lines: lines.map { Quote.Line(unitPrice: .euros(price), quantity: $0.quantity) }, shipping: standard, tax: vat,
            mode: .inclusive, code: nil)
        return OrderDraft(
            lines: lines.map { OrderDraft.Line(sku: $0.sku, quantity: $0.quantity, unitPrice: .euros(price), title: "Sample") },
            address: .sample, shippingMethodID: standard.id, shippingName: standard.name, amounts: OrderAmounts(quote, discountCode: nil),
            provider: provider, sessionID: sessionID)
    }
}
