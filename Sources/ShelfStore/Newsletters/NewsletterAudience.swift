/// Who a newsletter goes to. Only confirmed subscribers whose address has not bounced are ever
/// in an audience.
public enum NewsletterAudience: Hashable, Sendable, CustomStringConvertible {
    /// Every confirmed subscriber.
    case all
    /// The confirmed subscribers who chose this topic (`[[newsletter_topics]]` id).
    case topic(String)
    /// The confirmed subscribers whose address placed a paid order with a product of this
    /// category (its handle).
    case boughtFrom(category: String)

    /// As the front matter writes it: `all`, `topic = "offers"`, `bought_from = "coats"`.
    public var description: String {
        switch self {
        case .all: "all"
        case .topic(let topic): "topic = \"\(topic)\""
        case .boughtFrom(let category): "bought_from = \"\(category)\""
        }
    }

    /// The condition on `subscribers` (aliased `s`) and its values.
    var condition: (sql: String, values: [SQLValue]) {
        let confirmed = "s.status = 'confirmed' AND s.bounced_at IS NULL"
        switch self {
        case .all:
            return (confirmed, [])
        case .topic(let topic):
            return ("\(confirmed) AND s.id IN (SELECT subscriber_id FROM subscriber_topics WHERE topic = ?)", [.text(topic)])
        case .boughtFrom(let category):
            return (
                """
                \(confirmed) AND s.email IN (
                    SELECT lower(o.email) FROM orders o
                    JOIN order_lines l ON l.order_id = o.id
                    JOIN variants v ON v.sku = l.sku
                    JOIN product_categories pc ON pc.product_handle = v.product_handle
                    WHERE pc.category_handle = ? AND o.status IN ('paid', 'partially_shipped', 'shipped', 'delivered'))
                """, [.text(category)]
            )
        }
    }
}
