extension Migration {
    /// The checkout in progress of each session: the address typed, the method chosen, the code
    /// applied. Kept between the steps so every step is a plain form and a redirect.
    static let checkout = Migration(name: "checkout") { _ in
        [
            """
            CREATE TABLE checkout_drafts (
                session_id BIGINT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                street2 TEXT NOT NULL,
                city TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                country TEXT NOT NULL,
                phone TEXT NOT NULL,
                shipping_method_id TEXT NULL,
                discount_code TEXT NULL,
                updated_at BIGINT NOT NULL
            )
            """
        ]
    }
}
