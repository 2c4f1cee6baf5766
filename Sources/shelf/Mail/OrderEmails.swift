import Foundation
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfMail
import ShelfStore

/// Renders the outbox's order emails with the store's theme: `emails/NAME.text.mustache` (its
/// first line `Subject: …`, then a blank line, then the text part) and
/// `emails/NAME.html.mustache` (the HTML part), with the order as it stands and the data the
/// change that queued the email carried.
struct OrderEmails: Sendable {
    let store: Store
    let pages: ThemePages
    let config: StoreConfig
    let sessionKey: [UInt8]

    func render(_ message: OutboxMessage) throws -> RenderedEmail {
        guard let orderID = message.orderID, let details = try store.order(orderID) else {
            throw MailRenderError("\(message.email.rawValue) \(message.key) names no order")
        }
        var values = self.values(message, details)
        if message.email == .orderDelivered {
            let reviews = try reviewLinks(details)
            values["reviews"] = reviews
            values["has_reviews"] = !reviews.isEmpty
        }
        let text = try pages.fragment("emails/\(message.email.rawValue).text", values: values)
        let html = try pages.fragment("emails/\(message.email.rawValue).html", values: values)
        let (subject, body) = try Self.split(text, template: message.email.rawValue)
        return RenderedEmail(subject: subject, text: body, html: html, recipientName: details.order.address.name)
    }

    /// The review link of each line bought, for the "delivered" email.
    private func reviewLinks(_ details: OrderDetails) throws -> [[String: Any]] {
        let lines = try store.reviewableLines(orderID: details.order.id)
        let links = ReviewLink.values(for: lines, base: config.baseURL, key: sessionKey)
        return lines.compactMap { line in
            links[line.line].map { link in link.merging(["options": line.options]) { first, _ in first } }
        }
    }

    /// The subject line and the body of a rendered text template.
    static func split(_ text: String, template: String) throws -> (subject: String, body: String) {
        let lines = text.drop(while: \.isNewline).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("Subject:") else {
            throw MailRenderError("emails/\(template).text.mustache must start with a \"Subject: …\" line")
        }
        let subject = first.dropFirst("Subject:".count).trimmingSpaces
        guard !subject.isEmpty else { throw MailRenderError("emails/\(template).text.mustache has an empty subject") }
        let body = lines.count > 1 ? String(lines[1]).trimmingPrefix(while: { $0 == "\n" }) : ""
        return (subject, String(body))
    }

    private func values(_ message: OutboxMessage, _ details: OrderDetails) -> [String: Any] {
        let order = details.order
        let prices = PriceFormatter(locale: config.locale, currency: order.amounts.currency)
        let amounts = order.amounts
        var values: [String: Any] = [
            "number": order.number.description, "status": order.status.rawValue, "name": order.address.name,
            "email": order.address.email, "address": order.address.lines,
            "status_url": config.baseURL + OrderLink.path(order.number, key: sessionKey),
            "subtotal": prices.string(amounts.subtotal), "shipping": prices.string(amounts.shipping),
            "shipping_name": order.shippingName, "total": prices.string(amounts.total), "tax": prices.string(amounts.tax),
            "tax_rate": amounts.taxRate.description, "tax_label": config.checkout.taxName,
            "lines": details.lines.map { line -> [String: Any] in
                [
                    "title": line.title, "options": line.options, "quantity": line.quantity, "unit_price": prices.string(line.unitPrice),
                    "line_total": prices.string(line.lineTotal),
                ]
            },
        ]
        if amounts.discount.minorUnits > 0 { values["discount"] = prices.string(amounts.discount) }
        if let label = details.discountLabel { values["code"] = label }
        if amounts.tax.minorUnits > 0 { values[amounts.taxMode == .inclusive ? "tax_included" : "tax_added"] = true }
        if order.status == .awaitingPayment { values["instructions"] = config.checkout.payments.manualInstructions }
        values["is_paid"] = details.payments.contains { $0.amounts.captured > 0 }
        if let id = message.data["shipment"].flatMap(Int64.init), let shipment = details.shipments.first(where: { $0.id == id }) {
            values["shipment"] = shipmentValues(shipment, details, moreToCome: message.data["rest_to_come"] == "yes")
        }
        if let minor = message.data["refund_minor"].flatMap(Int64.init), minor > 0 {
            values["missing_refund"] = prices.string(Money(minorUnits: minor, currency: amounts.currency))
            let missing = Self.units(message.data["missing"] ?? "")
            values["missing"] = details.lines.compactMap { line -> [String: Any]? in
                guard let quantity = missing[line.position] else { return nil }
                return ["title": line.title, "options": line.options, "quantity": quantity]
            }
        }
        if let minor = message.data["cancel_refund_minor"].flatMap(Int64.init) {
            values["cancel_refund"] = prices.string(Money(minorUnits: minor, currency: amounts.currency))
        }
        if let minor = message.data["cancel_kept_minor"].flatMap(Int64.init) {
            values["cancel_kept"] = prices.string(Money(minorUnits: minor, currency: amounts.currency))
        }
        if let minor = message.data["amount_minor"].flatMap(Int64.init) {
            values["refund"] = prices.string(Money(minorUnits: minor, currency: amounts.currency))
        }
        return ["order": values]
    }

    /// `position:quantity` pairs, comma-separated, as a fulfilment records them.
    static func units(_ text: String) -> [Int: Int] {
        var units: [Int: Int] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let position = Int(parts[0]), let quantity = Int(parts[1]) { units[position] = quantity }
        }
        return units
    }

    private func shipmentValues(_ shipment: Shipment, _ details: OrderDetails, moreToCome: Bool) -> [String: Any] {
        let lines = details.lines.compactMap { line -> [String: Any]? in
            guard let quantity = shipment.lines[line.position] else { return nil }
            return ["title": line.title, "options": line.options, "quantity": quantity]
        }
        return [
            "carrier": shipment.carrier, "tracking": shipment.trackingNumbers, "several_numbers": shipment.trackingNumbers.count > 1,
            "lines": lines, "more_to_come": moreToCome,
        ]
    }
}

/// An email cannot be rendered: a theme problem for the merchant, retried after they fix it.
struct MailRenderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
