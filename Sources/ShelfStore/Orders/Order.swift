public import ShelfCore

/// A placed order: who, where to, how it ships, what it costs and where it stands.
public struct Order: Hashable, Sendable {
    /// The provider name of payments by bank transfer, which the merchant confirms by hand:
    /// such orders start `awaitingPayment` instead of `pendingPayment`.
    public static let manualProvider = "manual"

    /// The database's key; shoppers see ``number``.
    public let id: Int64
    public var status: OrderStatus
    /// The shopper's session, while it exists.
    public var sessionID: Int64?
    public var address: Address
    public var shippingMethodID: String
    public var shippingName: String
    public var amounts: OrderAmounts
    /// The payment provider chosen at checkout.
    public var provider: String
    /// When an order awaiting payment stops holding its stock and expires (Unix seconds).
    public var reservedUntil: Int64?
    public var createdAt: Int64
    public var updatedAt: Int64

    /// The number shoppers see.
    public var number: OrderNumber { OrderNumber(id: id) }

    /// The columns ``init(_:)`` reads, for a query on `orders`.
    static let columns = """
        id, status, session_id, email, name, street, street2, city, postal_code, country, phone,
        shipping_method_id, shipping_name, shipping_minor, subtotal_minor, discount_minor, discount_code,
        tax_minor, tax_rate_bp, tax_mode, total_minor, currency, provider, reserved_until, created_at, updated_at
        """

    /// Reads a row of ``columns``.
    init(_ row: Row) throws {
        let currency = try row.currency("currency")
        var address = Address()
        address.email = try row.text("email")
        address.name = try row.text("name")
        address.street = try row.text("street")
        address.street2 = try row.optionalText("street2") ?? ""
        address.city = try row.text("city")
        address.postalCode = try row.text("postal_code")
        address.country = try row.text("country")
        address.phone = try row.optionalText("phone") ?? ""
        let taxMode = try row.text("tax_mode")
        guard let mode = TaxMode(rawValue: taxMode) else { throw DatabaseError(message: "unknown tax mode \"\(taxMode)\"") }
        id = try row.int64("id")
        status = try row.orderStatus("status")
        sessionID = try row.optionalInt64("session_id")
        self.address = address
        shippingMethodID = try row.text("shipping_method_id")
        shippingName = try row.text("shipping_name")
        amounts = OrderAmounts(
            subtotal: try row.money("subtotal_minor", currency), discount: try row.money("discount_minor", currency),
            discountCode: try row.optionalText("discount_code"), shipping: try row.money("shipping_minor", currency),
            tax: try row.money("tax_minor", currency), taxRate: Rate(basisPoints: try row.int("tax_rate_bp")), taxMode: mode,
            total: try row.money("total_minor", currency))
        provider = try row.text("provider")
        reservedUntil = try row.optionalInt64("reserved_until")
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }
}
