import ShelfCore

extension Row {
    /// An amount of minor units in `currency`.
    func money(_ column: String, _ currency: Currency) throws -> Money {
        Money(minorUnits: try int64(column), currency: currency)
    }

    /// A currency code column.
    func currency(_ column: String) throws -> Currency {
        try Currency(code: try text(column))
    }

    /// An order status column.
    func orderStatus(_ column: String) throws -> OrderStatus {
        let name = try text(column)
        guard let status = OrderStatus(rawValue: name) else { throw DatabaseError(message: "unknown order status \"\(name)\"") }
        return status
    }
}
