import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The order's status page, reached from the order emails: number, status, a timeline of its
/// progress, lines with what shipped, totals with refunds, address. Opening it never changes
/// the order: only a verified notification from the provider marks it paid.
enum OrderPage {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        try store.expireOrders(now: context.clock.now())
        let number = try OrderLink.verified(try request.queryFields(), key: context.secrets.sessionKey)
        guard let details = try store.order(number.id) else {
            throw HTTPError(404, "We could not find that order. Check the link in your email.", log: "no order \(number)")
        }
        var order = values(details, context)
        if details.order.status == .delivered, var lines = order["lines"] as? [[String: Any]] {
            let reviews = ReviewLink.values(for: try store.reviewableLines(orderID: number.id), key: context.secrets.sessionKey)
            for index in lines.indices { lines[index]["review"] = reviews[details.lines[index].position] }
            order["lines"] = lines
        }
        let html = try context.pages().render("order", title: "Order \(number)", path: "/fn/checkout/order", values: ["order": order])
        return .html(html)
    }

    /// Pays a pending order again (after a decline or a cancelled payment page).
    static func payAgain(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        try store.expireOrders(now: context.clock.now())
        let number = try OrderLink.verified(try request.fields(), key: context.secrets.sessionKey)
        guard let details = try store.order(number.id), details.order.status == .pendingPayment else {
            return .redirect(to: OrderLink.path(number, key: context.secrets.sessionKey))
        }
        return try Payments.start(details.order, context)
    }

    static func values(_ details: OrderDetails, _ context: FunctionContext) -> [String: Any] {
        let order = details.order
        let prices = context.prices
        let amounts = order.amounts
        var values: [String: Any] = [
            "number": order.number.description, "status": order.status.rawValue, "email": order.address.email,
            "subtotal": prices.string(amounts.subtotal), "shipping": prices.string(amounts.shipping),
            "shipping_name": order.shippingName, "total": prices.string(amounts.total), "tax": prices.string(amounts.tax),
            "tax_label": context.config.checkout.taxName, "address": order.address.lines, "is_paid": order.status == .paid,
        ]
        values["lines"] = details.lines.map { line -> [String: Any] in
            var values: [String: Any] = [
                "title": line.title, "options": line.options, "quantity": line.quantity, "unit_price": prices.string(line.unitPrice),
                "line_total": prices.string(line.lineTotal),
            ]
            if order.status.hasShipped { values["shipped"] = "\(line.shipped) shipped" }
            if line.missing > 0 { values["missing"] = "\(line.missing) not available — refunded" }
            return values
        }
        values["timeline"] = OrderTimeline(details).values(days: DayFormatter(locale: context.config.locale))
        if !details.refunds.isEmpty {
            values["refunded"] = prices.string(details.refunds.reduce(.zero(amounts.currency)) { $0 + $1.amount })
        }
        if amounts.discount.minorUnits > 0 { values["discount"] = prices.string(amounts.discount) }
        if let label = details.discountLabel { values["code"] = label }
        if amounts.tax.minorUnits > 0 { values[amounts.taxMode == .inclusive ? "tax_included" : "tax_added"] = true }
        switch order.status {
        case .paid:
            values["status_text"] = "Paid — thank you. We are getting your order ready."
        case .pendingPayment:
            values["status_text"] = "Waiting for your payment."
            values["message"] = "Your items are reserved until the payment page closes. If the payment did not go through, try again."
            values["retry"] = [
                "action": "/fn/checkout/pay", "number": order.number.description,
                "token": OrderLink.token(order.number, key: context.secrets.sessionKey),
            ]
        case .awaitingPayment:
            values["status_text"] = "Waiting for your payment."
            values["instructions"] = context.config.checkout.payments.manualInstructions
        case .cancelled:
            values["status_text"] = "Cancelled."
        case .expired:
            values["status_text"] = "Expired: the payment did not arrive in time and the items were released."
        case .partiallyShipped:
            values["status_text"] = "Partly shipped"
        case .shipped:
            values["status_text"] = "Shipped"
        case .delivered:
            values["status_text"] = "Delivered"
        }
        return values
    }
}
