import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The cart's discounts and total at the moment of the request: the campaigns running now and
/// the code of the shopper's checkout in progress, priced from the database.
struct CartPricing {
    let discounts: CartDiscounts
    let subtotal: Money
    /// The code the shopper applied, as typed in the form, when it still works.
    let code: String?
    let prices: PriceFormatter
    let isEmpty: Bool

    /// `checkoutCode` is the code the session's checkout in progress holds, as the caller read
    /// it with the cart (``ShopperSession/findWithCart(_:_:in:)``); nil when there is none.
    init(_ context: FunctionContext, checkoutCode: String?, lines: [CartLine]) throws {
        let store = try context.store()
        let currency = context.config.currency
        let now = context.clock.now()
        var code: String?
        if !lines.isEmpty, let typed = checkoutCode {
            code = try? store.acceptCode(typed, configCodes: context.config.checkout.codes, lines: lines, now: now, currency: currency)
        }
        let configCode = code.flatMap { code in context.config.checkout.codes.first { $0.code == code } }
        discounts = try CartDiscounts(lines, store: store, code: code, configCode: configCode, now: now, currency: currency)
        subtotal = lines.reduce(.zero(currency)) { $0 + $1.lineTotal }
        self.code = code
        prices = context.prices
        isEmpty = lines.isEmpty
    }

    var total: Money { subtotal - discounts.outcome.total }

    /// The template values: the code, the discount line with its label, the total.
    var values: [String: Any] {
        var values: [String: Any] = ["total": prices.string(total)]
        if let code { values["code"] = code }
        if discounts.outcome.total.minorUnits > 0 {
            values["discount"] = prices.string(discounts.outcome.total)
            values["discount_label"] = discounts.labels.joined(separator: ", ")
        }
        if discounts.outcome.freeShipping { values["free_shipping"] = true }
        return values
    }

    /// The JSON members `code`, `discounts`, `discount`, `free_shipping` and `total` (null
    /// amounts for an empty cart), into an object the caller has begun.
    func writeMembers(to json: inout JSONWriter) {
        guard !isEmpty else {
            json.key("code")
            json.null()
            json.key("discounts")
            json.beginArray()
            json.endArray()
            json.key("discount")
            json.null()
            json.member("free_shipping", false)
            json.key("total")
            json.null()
            return
        }
        json.member("code", code)
        json.key("discounts")
        json.beginArray()
        for (used, label) in zip(discounts.used, discounts.labels) {
            json.beginObject()
            json.member("label", label)
            json.member("campaign", used.campaign)
            json.member("code", used.code)
            json.key("amount")
            json.money(used.amount, prices)
            json.endObject()
        }
        json.endArray()
        json.key("discount")
        json.money(discounts.outcome.total, prices)
        json.member("free_shipping", discounts.outcome.freeShipping)
        json.key("total")
        json.money(total, prices)
    }
}
