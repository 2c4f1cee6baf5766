extension Migration {
    /// Categories, products, their variants and prices, and the stock per SKU.
    ///
    /// These rows hold what live state needs; the content files are the home of everything else.
    /// (The ``cart`` migration adds a display snapshot of titles, options and images.)
    /// Money is `BIGINT` minor units (PostgreSQL's `INTEGER` stops at 2^31). Every stock change
    /// carries a version from `stock_clock`, so an incremental build can ask which SKUs changed.
    static let catalogue = Migration(
        name: "catalogue",
        statements: [
            """
            CREATE TABLE categories (
                handle TEXT PRIMARY KEY,
                position INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE products (
                handle TEXT PRIMARY KEY,
                published INTEGER NOT NULL CHECK (published IN (0, 1)),
                main_category TEXT NULL REFERENCES categories (handle),
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE product_categories (
                product_handle TEXT NOT NULL REFERENCES products (handle),
                category_handle TEXT NOT NULL REFERENCES categories (handle),
                position INTEGER NOT NULL,
                PRIMARY KEY (product_handle, category_handle)
            )
            """,
            "CREATE INDEX product_categories_by_category ON product_categories (category_handle)",
            """
            CREATE TABLE variants (
                sku TEXT PRIMARY KEY,
                product_handle TEXT NOT NULL REFERENCES products (handle),
                price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
                compare_at_minor BIGINT NULL CHECK (compare_at_minor IS NULL OR compare_at_minor >= 0),
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                position INTEGER NOT NULL
            )
            """,
            "CREATE INDEX variants_by_product ON variants (product_handle, position)",
            """
            CREATE TABLE stock (
                sku TEXT PRIMARY KEY REFERENCES variants (sku),
                on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
                version BIGINT NOT NULL
            )
            """,
            "CREATE INDEX stock_by_version ON stock (version)",
            """
            CREATE TABLE stock_clock (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL
            )
            """,
            "INSERT INTO stock_clock (id, version) VALUES (1, 0)",
        ]
    )
}
