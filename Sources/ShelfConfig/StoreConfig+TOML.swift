import ShelfCore
import TOMLKit

extension StoreConfig {
    /// The file name of the settings at the store root.
    public static let fileName = "shelf.toml"

    /// Parses `shelf.toml`; every problem names the file, the line and what to change.
    public init(toml text: String) throws(SiteError) {
        let file = Self.fileName
        let lines = TOMLLines(text)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SiteError(file, line: error.source.begin.line, "\(error.description); fix the TOML syntax")
        } catch {
            throw SiteError(file, line: nil, "cannot be read as TOML: \(error)")
        }
        let reader = TOMLReader(table: root, lines: lines, section: nil)
        try reader.allowOnly([
            "name", "tagline", "base_url", "currency", "locale", "language", "theme", "announcement",
            "catalogue", "hero", "build", "categories", "secrets", "cart", "functions", "checkout", "payments", "shipping", "tax", "codes",
            "mail", "database", "newsletter_topics", "analytics", "reviews",
        ])

        name = try reader.requiredString("name")
        tagline = try reader.string("tagline") ?? ""
        let base = try reader.requiredString("base_url")
        guard base.hasPrefix("https://") || base.hasPrefix("http://"), !base.hasSuffix("/") else {
            throw SiteError(
                file, line: lines.line(of: "base_url"),
                "base_url \"\(base)\" must be an absolute http(s) URL without a trailing slash, like https://shop.example.com")
        }
        baseURL = base
        let code = try reader.requiredString("currency")
        do {
            currency = try Currency(code: code)
        } catch {
            throw SiteError(file, line: lines.line(of: "currency"), error.description)
        }
        locale = try reader.string("locale") ?? "en-US"
        language = try reader.string("language") ?? String(locale.prefix { $0 != "-" && $0 != "_" })
        theme = try reader.string("theme") ?? "default"
        guard Slug.isValid(theme) else {
            throw SiteError(
                file, line: lines.line(of: "theme"),
                "theme \"\(theme)\" must be a folder name under themes/ (lower case letters, digits, dashes)")
        }
        announcement = try reader.string("announcement")

        catalogue = Catalogue()
        if let section = try reader.table("catalogue") { catalogue = try Catalogue(section) }

        hero = Hero(title: name, text: tagline, image: nil, imageAlt: "")
        if let section = try reader.table("hero") {
            try section.allowOnly(["title", "text", "image", "image_alt"])
            hero.title = try section.string("title") ?? name
            hero.text = try section.string("text") ?? tagline
            hero.image = try section.string("image")
            hero.imageAlt = try section.string("image_alt") ?? ""
        }

        precompress = true
        if let section = try reader.table("build") {
            try section.allowOnly(["precompress"])
            precompress = try section.bool("precompress") ?? true
        }

        secretsFile = try reader.string("secrets") ?? "data/secrets.toml"
        guard !secretsFile.hasPrefix("/"), !secretsFile.split(separator: "/").contains("..") else {
            throw SiteError(
                file, line: lines.line(of: "secrets"), "secrets must be a path inside the store folder, like data/secrets.toml")
        }
        cart = Cart()
        if let section = try reader.table("cart") {
            try section.allowOnly(["max_per_line", "max_lines", "lifetime_days"])
            cart.maxPerLine = try section.int("max_per_line", in: 1...999) ?? cart.maxPerLine
            cart.maxLines = try section.int("max_lines", in: 1...500) ?? cart.maxLines
            cart.lifetimeDays = try section.int("lifetime_days", in: 1...365) ?? cart.lifetimeDays
        }
        functions = Functions()
        if let section = try reader.table("functions") {
            try section.allowOnly(["timeout_seconds"])
            functions.timeoutSeconds = try section.int("timeout_seconds", in: 1...300) ?? functions.timeoutSeconds
        }

        checkout = try CheckoutSettings(reader, currency: currency)
        mail = try MailSettings(reader, storeName: name, baseURL: baseURL)
        if let section = try reader.table("database") {
            try section.allowOnly(["url"])
            if let url = try section.string("url") {
                if let problem = DatabaseURL.problem(url) { throw section.error(at: "url", problem) }
                databaseURL = url
            }
        }

        newsletterTopics = try NewsletterTopic.all(in: reader)
        analytics = try AnalyticsSettings(reader)
        categories = []
        for (index, entry) in try reader.tables("categories").enumerated() {
            try entry.allowOnly(["handle", "title", "description"])
            let handle = try entry.requiredString("handle")
            guard Slug.isValid(handle) else {
                throw entry.error(
                    at: "handle",
                    "category handle \"\(handle)\" must be lower case letters, digits and dashes, like \"\(Slug.make(handle))\"")
            }
            if categories.contains(where: { $0.handle == handle }) {
                throw entry.error(at: "handle", "category \"\(handle)\" is declared twice; keep one [[categories]] entry for it")
            }
            categories.append(
                Category(handle: handle, title: try entry.requiredString("title"), description: try entry.string("description") ?? ""))
            _ = index
        }
        for featured in catalogue.featuredCategories where !categories.contains(where: { $0.handle == featured }) {
            throw SiteError(
                file, line: lines.line(of: "featured_categories", in: "catalogue"),
                "featured_categories names \"\(featured)\", which is not a declared category; add a [[categories]] entry with handle = \"\(featured)\" or remove it"
            )
        }
        reviews = try ReviewSettings(reader, categories: categories.map(\.handle))
    }
}

/// Typed, line-aware access to one TOML table.
struct TOMLReader {
    let table: TOMLTable
    let lines: TOMLLines
    /// The table's header (`catalogue`), or nil for the root; for arrays of tables, with its index.
    let section: String?
    var index: Int = 0

    func error(at key: String, _ message: String) -> SiteError {
        SiteError(StoreConfig.fileName, line: lines.line(of: key, in: section, index: index), message)
    }

    private var location: String { section.map { " in [\($0)]" } ?? "" }

    func allowOnly(_ keys: Set<String>) throws(SiteError) {
        for key in table.keys where !keys.contains(key) {
            throw error(at: key, "unknown setting \"\(key)\"\(location); the known settings are \(keys.sorted().joined(separator: ", "))")
        }
    }

    func string(_ key: String) throws(SiteError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(at: key, "\(key) must be a text in quotes") }
        return string
    }

    func requiredString(_ key: String) throws(SiteError) -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw SiteError(
                StoreConfig.fileName, line: section == nil ? nil : lines.line(ofSection: section!, index: index),
                "\(key) is missing\(location); add `\(key) = \"…\"`")
        }
        return value
    }

    /// One of an enumeration's raw values; anything else names the choices.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type) throws(SiteError) -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let choices = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw error(at: key, "\(key) \"\(text)\" is not one of \(choices)")
        }
        return value
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(SiteError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int, range.contains(int) else {
            throw error(at: key, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return int
    }

    func bool(_ key: String) throws(SiteError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw error(at: key, "\(key) must be true or false") }
        return bool
    }

    func strings(_ key: String) throws(SiteError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(at: key, "\(key) must be a list like [\"a\", \"b\"]") }
        var result: [String] = []
        for item in array {
            guard let string = item.string else { throw error(at: key, "every entry of \(key) must be a text in quotes") }
            result.append(string)
        }
        return result
    }

    func table(_ key: String) throws(SiteError) -> TOMLReader? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw error(at: key, "\(key) must be a table: a [\(key)] section") }
        return TOMLReader(table: sub, lines: lines, section: key)
    }

    func tables(_ key: String) throws(SiteError) -> [TOMLReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error(at: key, "\(key) must be a list of [[\(key)]] sections") }
        var result: [TOMLReader] = []
        for (index, item) in array.enumerated() {
            guard let sub = item.table else { throw error(at: key, "every [[\(key)]] entry must be a table") }
            result.append(TOMLReader(table: sub, lines: lines, section: key, index: index))
        }
        return result
    }
}

/// Finds the line of a key in the TOML text, since the parser keeps no positions for values.
///
/// The text is only scanned when a line is asked for, that is when there is an error to report:
/// a function reads `shelf.toml` on every CGI request, and a correct file needs no line numbers.
public struct TOMLLines {
    private let text: String

    public init(_ text: String) {
        self.text = text
    }

    public func line(of key: String, in section: String? = nil, index: Int = 0) -> Int? {
        Scan(text).entries.first { $0.section == section && $0.index == index && $0.key == key }?.line
            ?? line(ofSection: section ?? key, index: index)
    }

    public func line(ofSection section: String, index: Int) -> Int? {
        Scan(text).headers.first { $0.section == section && $0.index == index }?.line
    }

    /// Every key and section header of the text, with its line.
    private struct Scan {
        /// (section header or nil, index among same-named array sections, key, line)
        var entries: [(section: String?, index: Int, key: String, line: Int)] = []
        var headers: [(section: String, index: Int, line: Int)] = []

        init(_ text: String) {
            var section: String?
            var counts: [String: Int] = [:]
            var index = 0
            for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.drop { $0 == " " || $0 == "\t" }
                if line.hasPrefix("[") {
                    let name = line.trimmingCharacters(in: "[] \t\r")
                    index = counts[name, default: 0]
                    counts[name] = index + 1
                    section = name
                    headers.append((name, index, number + 1))
                } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                    let key = line[..<equals].trimmingCharacters(in: " \t\"")
                    entries.append((section, index, key, number + 1))
                }
            }
        }
    }
}

extension StoreConfig {
    /// Reads and parses `shelf.toml` in the store folder `root`.
    public static func load(from root: String) throws(SiteError) -> StoreConfig {
        guard let bytes = PosixFile.read(root + "/" + fileName) else {
            throw SiteError(fileName, "cannot be read; is \(root) a store folder?")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw SiteError(fileName, "is not UTF-8 text") }
        return try StoreConfig(toml: text)
    }
}
