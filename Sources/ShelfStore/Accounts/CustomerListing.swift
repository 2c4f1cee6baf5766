/// One account in the merchant's list: the account and how many orders it has.
public struct CustomerListing: Sendable, Hashable {
    public let customer: Customer
    /// The orders placed with the account's email once it is confirmed (none before).
    public let orders: Int

    init(_ row: Row) throws {
        customer = try Customer(row)
        orders = try row.int("orders")
    }
}
