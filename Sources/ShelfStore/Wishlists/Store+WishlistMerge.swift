extension Store {
    /// Copies the guest list of `sessionID` into the account's list, leaving out what the account
    /// already saved and what would take it past the capacity, oldest saved first. Runs inside
    /// the login's transaction; the guest rows go when the caller deletes the session.
    func mergeWishlist(ofSession sessionID: Int64, intoCustomer customerID: Int64) throws {
        let room = Self.wishlistCapacity - (try wishlistCount(of: .customer(customerID)))
        guard room > 0 else { return }
        try database.execute(
            """
            INSERT INTO wishlist_items (customer_id, session_id, \(WishlistItem.columns))
            SELECT ?, NULL, \(WishlistItem.columns) FROM wishlist_items AS guest
            WHERE guest.session_id = ? AND NOT EXISTS (
                SELECT 1 FROM wishlist_items AS saved
                WHERE saved.customer_id = ? AND saved.product_handle = guest.product_handle AND saved.sku = guest.sku)
            ORDER BY guest.added_at, guest.id LIMIT ?
            """, [.integer(customerID), .integer(sessionID), .integer(customerID), .int(room)])
    }
}
