public import ShelfCore

/// Creates a Stripe Checkout Session for an order, with the line items we computed.
///
/// Items, shipping (a shipping option) and tax added on top (a line) are sent as amounts; a
/// discount becomes a one-off coupon of exactly our amount. Stripe's own total must then equal
/// ours, or the session is not used. The shopper is sent to `url`; only the signed
/// `checkout.session.completed` webhook marks the order paid.
public struct StripeCheckout: Sendable {
    public let client: StripeClient

    public init(client: StripeClient) {
        self.client = client
    }

    /// The hosted page's session.
    public struct Session: Sendable, Hashable {
        public var id: String
        public var url: String
    }

    /// `attempt` numbers the tries to pay this order; with the order number it makes the
    /// idempotency keys, so a retried call returns the same session instead of a second one.
    public func createSession(
        for order: PaymentOrder, attempt: Int, successURL: String, cancelURL: String
    ) throws(PaymentError) -> Session {
        let key = "shelf-\(order.number)-\(attempt)"
        let currency = order.currency.code.lowercased()
        var form = FormBody()
        form.add("mode", "payment")
        form.add("client_reference_id", order.number)
        form.add("customer_email", order.email)
        form.add("success_url", successURL)
        form.add("cancel_url", cancelURL)
        form.add("expires_at", String(order.expiresAt))
        form.add("metadata[order]", order.number)
        form.add("payment_intent_data[metadata][order]", order.number)
        var items = order.lines.map { ($0.name, $0.unitPrice, $0.quantity) }
        if order.addedTax.minorUnits > 0 { items.append((order.taxName, order.addedTax, 1)) }
        for (index, item) in items.enumerated() {
            form.add("line_items[\(index)][price_data][currency]", currency)
            form.add("line_items[\(index)][price_data][unit_amount]", String(item.1.minorUnits))
            form.add("line_items[\(index)][price_data][product_data][name]", item.0)
            form.add("line_items[\(index)][quantity]", String(item.2))
        }
        form.add("shipping_options[0][shipping_rate_data][type]", "fixed_amount")
        form.add("shipping_options[0][shipping_rate_data][display_name]", order.shippingName)
        form.add("shipping_options[0][shipping_rate_data][fixed_amount][amount]", String(order.shipping.minorUnits))
        form.add("shipping_options[0][shipping_rate_data][fixed_amount][currency]", currency)
        if order.discount.minorUnits > 0 {
            var coupon = FormBody()
            coupon.add("amount_off", String(order.discount.minorUnits))
            coupon.add("currency", currency)
            coupon.add("duration", "once")
            coupon.add("max_redemptions", "1")
            coupon.add("name", order.discountCode.map { "Code \($0)" } ?? "Discount")
            let created = try client.post("/v1/coupons", form: coupon, idempotencyKey: key + "-coupon")
            guard let id = created["id"]?.string else { throw .mismatch("Stripe's coupon has no id") }
            form.add("discounts[0][coupon]", id)
        }
        let session = try client.post("/v1/checkout/sessions", form: form, idempotencyKey: key)
        guard let id = session["id"]?.string, let url = session["url"]?.string, url.hasPrefix("https://") || url.hasPrefix("http://")
        else { throw .mismatch("Stripe's session has no id or url") }
        let total = session["amount_total"].flatMap { if case .number(let text) = $0 { Int64(text) } else { nil } }
        guard total == order.total.minorUnits, session["currency"]?.string == currency else {
            throw .mismatch("Stripe's session \(id) totals \(total.map(String.init) ?? "?"), the order \(order.total.minorUnits)")
        }
        return Session(id: id, url: url)
    }

    /// The payment intent of a completed session, which refunds name.
    public func paymentIntent(ofSession id: String) throws(PaymentError) -> String {
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw .mismatch("odd session id") }
        guard let intent = try client.get("/v1/checkout/sessions/\(id)")["payment_intent"]?.string else {
            throw .mismatch("session \(id) has no payment intent: was it paid?")
        }
        return intent
    }

    /// Refunds `amount` of the payment `paymentIntent`; `key` must be the same on a retry of the
    /// same refund.
    public func refund(paymentIntent: String, amount: Money, key: String) throws(PaymentError) -> String {
        var form = FormBody()
        form.add("payment_intent", paymentIntent)
        form.add("amount", String(amount.minorUnits))
        let refund = try client.post("/v1/refunds", form: form, idempotencyKey: key)
        guard let id = refund["id"]?.string else { throw .mismatch("Stripe's refund has no id") }
        return id
    }
}
