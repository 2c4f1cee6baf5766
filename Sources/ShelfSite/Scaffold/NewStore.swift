public import Foundation
public import ShelfConfig

/// Creates a new store folder: settings that can sell (a country, a shipping rate, tax, the test
/// payment provider), the default theme, two sample products in stock and the pages.
public enum NewStore {
    /// Where the default theme is found: `SHELF_THEMES`, a `themes/` folder beside or above the
    /// executable (a checkout), or `/usr/local/share/shelf/themes`.
    ///
    /// The executable is the file the process runs, symbolic links resolved, never the name it
    /// was started by: `shelf` found on `PATH` names no folder.
    public static func defaultThemeFolder(executable: URL = runningExecutable) -> String? {
        var candidates: [String] = []
        if let configured = Foundation.ProcessInfo.processInfo.environment["SHELF_THEMES"] { candidates.append(configured + "/default") }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.path + "/themes/default")
            candidates.append(folder.path + "/share/shelf/themes/default")
            folder.deleteLastPathComponent()
        }
        candidates.append("/usr/local/share/shelf/themes/default")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/templates/layout.mustache") }
    }

    /// The file of the running program, as the kernel knows it (`/proc/self/exe` on Linux).
    public static var runningExecutable: URL {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// How many units of each sample SKU a new store starts with.
    public static let sampleUnits = 10

    /// Writes the new store, its database with ``sampleUnits`` of every sample SKU on the shelf,
    /// so that it can take an order once built; refuses a folder that already has content.
    public static func create(at path: String, theme: String) throws(SiteError) {
        let manager = FileManager.default
        let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else {
            throw SiteError(path, "already exists and is not empty; choose a new folder name")
        }
        do {
            for folder in [
                "content/products", "content/pages", "content/stories", "content/campaigns", "static/images", "templates", "themes", "data",
            ] {
                try manager.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
            }
            try manager.copyItem(atPath: theme, toPath: path + "/themes/default")
            for (file, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + file))
            }
        } catch {
            throw SiteError(path, "could not be created: \(error.localizedDescription)")
        }
        try stockSamples(StoreFolder(path), units: sampleUnits)
    }

    private static func garment(_ colour: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600">
        <rect width="600" height="600" fill="#f1f0ec"/>
        <path d="M215 130l-95 50-40 110 70 25 25-60v255h250V255l25 60 70-25-40-110-95-50c-10 30-40 50-85 50s-75-20-85-50z" fill="\(colour)"/>
        <path d="M215 130c10 30 40 50 85 50s75-20 85-50" fill="none" stroke="#000" stroke-opacity=".15" stroke-width="6"/>
        </svg>

        """
    }

    private static let files: [(String, String)] = [
        (
            ".gitignore",
            """
            # Built output, caches and live state: rebuilt or kept on the server, never committed.
            /site/
            /.shelf/
            /data/

            """
        ),
        (
            "shelf.toml",
            """
            # Store settings. See docs/content.md of Shelf for every key.
            name = "My Shop"
            tagline = "Good things, made well"
            base_url = "https://shop.example.com"
            currency = "EUR"
            locale = "en-IE"
            language = "en"
            theme = "default"

            [catalogue]
            per_page = 24
            new_arrivals = 8
            featured_categories = ["tops"]
            low_stock = 3

            [hero]
            title = "Good things, made well"
            text = "Start by editing content/products/ and running shelf build."

            # Checkout: where the shop sells, how it ships and taxes (prices include the tax).
            [checkout]
            countries = ["IE"]
            prices_include_tax = true

            # "test" shows a card form that takes 4242 4242 4242 4242: try the store end to end,
            # then change to "stripe" (keys in data/secrets.toml) or "manual" to sell for real.
            [payments]
            provider = "test"

            [[shipping]]
            id = "standard"
            name = "Standard"
            countries = ["IE"]
            rate = "4.95"
            free_from = "50.00"
            delivery = "2–3 business days"

            [[tax]]
            name = "VAT"
            countries = ["IE"]
            rate = "23"

            [[categories]]
            handle = "tops"
            title = "Tops"
            description = "Tees and shirts."

            """
        ),
        ("static/images/tee-black.svg", garment("#222222")),
        ("static/images/tee-white.svg", garment("#fafafa")),
        ("static/images/tee-sage.svg", garment("#9caf88")),
        (
            "content/products/classic-tee.md",
            """
            ---
            title: Classic Tee
            brand: My Shop
            categories: [tops]
            date: 2026-01-15
            price: "25.00"
            options:
              - name: Colour
                values:
                  - {value: Black, swatch: "#222222"}
                  - {value: White, swatch: "#fafafa"}
              - name: Size
                values: [S, M, L]
            variants:
              - {sku: TEE-BLK-S, colour: Black, size: S}
              - {sku: TEE-BLK-M, colour: Black, size: M}
              - {sku: TEE-BLK-L, colour: Black, size: L}
              - {sku: TEE-WHT-S, colour: White, size: S}
              - {sku: TEE-WHT-M, colour: White, size: M}
              - {sku: TEE-WHT-L, colour: White, size: L, price: "27.00"}
            images:
              - {src: /images/tee-black.svg, alt: Classic tee in black, colour: Black}
              - {src: /images/tee-white.svg, alt: Classic tee in white, colour: White}
            ---
            A heavyweight cotton tee that keeps its shape wash after wash.

            - 100% organic cotton
            - Machine wash at 30 °C

            """
        ),
        (
            "content/products/sage-tee.md",
            """
            ---
            title: Sage Tee
            brand: My Shop
            categories: [tops]
            date: 2026-02-01
            price: "29.00"
            compare_at: "35.00"
            options:
              - name: Size
                values: [S, M, L]
            variants:
              - {sku: SAGE-S, size: S}
              - {sku: SAGE-M, size: M}
              - {sku: SAGE-L, size: L}
            images:
              - {src: /images/tee-sage.svg, alt: Sage green tee}
            ---
            Our classic tee in a soft sage green, now on sale.

            """
        ),
        ("content/pages/about.md", "---\ntitle: About\n---\nTell your shoppers who you are.\n"),
        ("content/pages/shipping.md", "---\ntitle: Shipping\n---\nWe ship within two business days.\n"),
        ("content/pages/returns.md", "---\ntitle: Returns\n---\nReturn anything within 30 days.\n"),
        ("content/pages/contact.md", "---\ntitle: Contact\n---\nWrite to hello@example.com.\n"),
    ]
}
