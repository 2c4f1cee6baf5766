public import ShelfCore

extension Store {
    /// The account's saved addresses, the default first, then oldest first.
    public func savedAddresses(ofCustomer customerID: Int64) throws -> [SavedAddress] {
        try database.query(
            "SELECT \(SavedAddress.columns) FROM addresses WHERE customer_id = ? ORDER BY is_default DESC, id",
            [.integer(customerID)]
        ).map(SavedAddress.init)
    }

    /// The account's default address, which checkout fills in, if any.
    public func defaultAddress(ofCustomer customerID: Int64) throws -> SavedAddress? {
        try database.query(
            "SELECT \(SavedAddress.columns) FROM addresses WHERE customer_id = ? AND is_default = 1", [.integer(customerID)]
        ).first.map(SavedAddress.init)
    }

    /// Saves `address` (checked by the caller) for the account: a new one when `id` is nil,
    /// otherwise the account's address `id` (returns false when it has none). The account's
    /// first address, or one saved with `makeDefault`, becomes the default.
    @discardableResult
    public func saveAddress(_ address: Address, id: Int64?, makeDefault: Bool, for customerID: Int64, now: Int64) throws -> Bool {
        try database.transaction {
            try lockCustomer(customerID)
            let values: [SQLValue] = [
                .text(address.name), .text(address.street), .text(address.street2), .text(address.city), .text(address.postalCode),
                .text(address.country), .text(address.phone),
            ]
            let savedID: Int64
            if let id {
                let updated = try database.query(
                    """
                    UPDATE addresses SET name = ?, street = ?, street2 = ?, city = ?, postal_code = ?, country = ?, phone = ?
                    WHERE id = ? AND customer_id = ? RETURNING id
                    """, values + [.integer(id), .integer(customerID)])
                guard !updated.isEmpty else { return false }
                savedID = id
            } else {
                savedID = try database.query(
                    """
                    INSERT INTO addresses (customer_id, name, street, street2, city, postal_code, country, phone, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, [.integer(customerID)] + values + [.integer(now)])[0].int64("id")
            }
            let hasDefault = try defaultAddress(ofCustomer: customerID) != nil
            if makeDefault || !hasDefault {
                try database.execute("UPDATE addresses SET is_default = 0 WHERE customer_id = ? AND is_default = 1", [.integer(customerID)])
                try database.execute("UPDATE addresses SET is_default = 1 WHERE id = ?", [.integer(savedID)])
            }
            return true
        }
    }

    /// Removes the account's address `id`; when it was the default, the oldest one left
    /// becomes the default.
    public func removeAddress(_ id: Int64, of customerID: Int64) throws {
        try database.transaction {
            try lockCustomer(customerID)
            try database.execute("DELETE FROM addresses WHERE id = ? AND customer_id = ?", [.integer(id), .integer(customerID)])
            guard try defaultAddress(ofCustomer: customerID) == nil else { return }
            try database.execute(
                "UPDATE addresses SET is_default = 1 WHERE id = (SELECT MIN(id) FROM addresses WHERE customer_id = ?)",
                [.integer(customerID)])
        }
    }
}
