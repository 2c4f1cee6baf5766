extension Migration {
    /// A shopper's saved addresses: the checkout's address fields but the email (the account's),
    /// at most one default per account (a partial unique index). Deleting the account deletes
    /// them. Also an index for the dashboard's order history, which finds orders by email.
    static let addresses = Migration(name: "addresses") { dialect in
        [
            """
            CREATE TABLE addresses (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                street2 TEXT NOT NULL,
                city TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                country TEXT NOT NULL CHECK (length(country) = 2),
                phone TEXT NOT NULL,
                is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX addresses_by_customer ON addresses (customer_id)",
            "CREATE UNIQUE INDEX addresses_one_default ON addresses (customer_id) WHERE is_default = 1",
            "CREATE INDEX orders_by_email ON orders (lower(trim(email)))",
        ]
    }
}
