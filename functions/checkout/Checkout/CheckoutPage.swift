import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Renders `checkout.mustache` for one step, with the order summary beside it.
enum CheckoutPage {
    enum Step: Int, CaseIterable {
        case address, shipping, payment

        var label: String {
            switch self {
            case .address: "Address"
            case .shipping: "Shipping"
            case .payment: "Payment"
            }
        }

        var path: String {
            switch self {
            case .address: "/fn/checkout"
            case .shipping: "/fn/checkout/shipping"
            case .payment: "/fn/checkout/payment"
            }
        }

        var action: String {
            switch self {
            case .address: "/fn/checkout/address"
            case .shipping: "/fn/checkout/shipping"
            case .payment: "/fn/checkout/payment"
            }
        }
    }

    /// The page; `status` is 422 when the form came back with mistakes.
    static func render(_ step: Step, _ state: CheckoutState, values: [String: Any], status: Int = 200) throws -> Response {
        var checkout = values
        checkout["step_\(String(describing: step))"] = true
        checkout["action"] = step.action
        checkout["token"] = state.token
        if let notice = state.notice { checkout["notice"] = notice }
        checkout["steps"] = Step.allCases.map { other -> [String: Any] in
            var item: [String: Any] = ["label": other.label, "current": other == step, "done": other.rawValue < step.rawValue]
            if other.rawValue < step.rawValue { item["url"] = other.path }
            return item
        }
        let html = try state.context.pages().render(
            "checkout", title: "Checkout", path: step.path,
            values: [
                "checkout": checkout, "summary": summary(state, codeReturn: String(describing: step)),
                "cart": ["badge": String(state.lines.reduce(0) { $0 + $1.quantity })],
            ])
        return .html(html, status: status)
    }

    /// The order summary: lines, the code form, subtotal, discount, shipping, tax and total,
    /// exactly the amounts the order will be placed with.
    static func summary(_ state: CheckoutState, codeReturn: String) -> [String: Any] {
        let prices = state.context.prices
        let quote = state.quote
        var summary: [String: Any] = [
            "subtotal": prices.string(quote.subtotal), "total": prices.string(quote.total), "tax": prices.string(quote.tax),
            "tax_label": state.context.config.checkout.taxName,
            "code_action": "/fn/checkout/code?return=\(codeReturn)", "token": state.token,
        ]
        summary["lines"] = state.lines.map { line -> [String: Any] in
            var values: [String: Any] = [
                "title": line.variant.productTitle, "quantity": line.quantity, "line_total": prices.string(line.lineTotal),
                "options": line.variant.options.map { ["name": $0.name, "value": $0.value] },
            ]
            if let image = line.variant.image { values["image"] = ["src": image.src, "alt": image.alt] }
            return values
        }
        if quote.discount.minorUnits > 0 {
            summary["discount"] = prices.string(quote.discount)
            summary["discount_label"] = state.discounts.labels.joined(separator: ", ")
        }
        if let code = state.draft.code { summary["code"] = code }
        if let codeError = state.codeError { summary["code_error"] = codeError }
        if state.shippingMethod != nil { summary["shipping"] = quote.shipping.minorUnits == 0 ? "Free" : prices.string(quote.shipping) }
        if quote.tax.minorUnits > 0 {
            summary[quote.mode == .inclusive ? "tax_included" : "tax_added"] = true
        }
        return summary
    }
}
