public import ShelfCore

/// An address a shopper saved on the dashboard; its `address.email` is empty (the account's
/// email is used).
public struct SavedAddress: Hashable, Sendable {
    public let id: Int64
    public var address: Address
    public var isDefault: Bool

    static let columns = "id, name, street, street2, city, postal_code, country, phone, is_default"

    init(_ row: Row) throws {
        var address = Address()
        address.name = try row.text("name")
        address.street = try row.text("street")
        address.street2 = try row.text("street2")
        address.city = try row.text("city")
        address.postalCode = try row.text("postal_code")
        address.country = try row.text("country")
        address.phone = try row.text("phone")
        id = try row.int64("id")
        self.address = address
        isDefault = try row.int("is_default") == 1
    }
}
