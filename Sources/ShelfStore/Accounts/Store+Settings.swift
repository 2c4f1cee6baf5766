extension Store {
    /// Changes the account's name.
    public func rename(customer customerID: Int64, to name: String) throws {
        _ = try database.transaction {
            try database.execute("UPDATE customers SET name = ? WHERE id = ?", [.text(name), .integer(customerID)])
        }
    }

    /// Stores the account's new password hash, ends every session of the account but `keeping`
    /// (the one that changed it), and queues the "your password was changed" email.
    public func changePassword(of customerID: Int64, to passwordHash: String, keeping session: Session, now: Int64) throws {
        try database.transaction {
            try database.execute("UPDATE customers SET password_hash = ? WHERE id = ?", [.text(passwordHash), .integer(customerID)])
            try database.execute(
                "DELETE FROM sessions WHERE customer_id = ? AND id <> ?", [.integer(customerID), .integer(session.id)])
            guard let customer = try customer(id: customerID) else { return }
            try enqueue(.accountPasswordChanged, orderID: nil, recipient: customer.email, data: ["name": customer.name], now: now)
        }
    }
}
