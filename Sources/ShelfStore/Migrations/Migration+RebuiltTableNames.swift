extension Migration {
    /// The names PostgreSQL gave the constraints, indexes and sequence of the two tables that
    /// migrations rebuilt (`stock_new`, `account_tokens_new`) become the names a table created
    /// under its own name has, so a migrated database's schema reads like a new one's.
    static let rebuiltTableNames = Migration(name: "rebuilt_table_names") { dialect in
        let stock = ["pkey", "sku_fkey", "on_hand_check", "reserved_check", "allocated_check", "check"].flatMap {
            dialect.renameConstraint("stock", "stock_new_\($0)", "stock_\($0)")
        }
        let tokens = [
            "pkey", "customer_id_fkey", "token_hash_key", "purpose_check", "token_hash_check", "new_email_check", "check", "check1",
        ].flatMap { dialect.renameConstraint("account_tokens", "account_tokens_new_\($0)", "account_tokens_\($0)") }
        return stock + tokens + dialect.renameSequence("account_tokens_new_id_seq", "account_tokens_id_seq")
    }
}
