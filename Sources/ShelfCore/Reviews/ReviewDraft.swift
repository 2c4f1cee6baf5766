/// A review as a buyer typed it, checked and cleaned: what the store may save.
///
/// Text stays plain (pages escape it); invisible characters that could hide or reorder text
/// (zero-width and bidi controls) are removed, the title and name become one line, and each
/// field must keep something after cleaning. Lengths count Unicode scalars, as the database does.
///
/// ```swift
/// let draft = try ReviewDraft(fields: ["rating": "5", "title": "Warm", "body": "…", "name": "Ryan M."], asksFit: true)
/// ```
public struct ReviewDraft: Hashable, Sendable {
    /// How an apparel item fits; the raw values are those the store keeps.
    public enum Fit: String, Hashable, Sendable, CaseIterable {
        case small
        case trueToSize = "true"
        case large
    }

    /// The longest title, in characters.
    public static let titleLimit = 200
    /// The longest text, in characters.
    public static let bodyLimit = 5000
    /// The longest display name, in characters.
    public static let nameLimit = 80

    /// Whole stars, 1 to 5.
    public var rating: Int
    public var title: String
    public var body: String
    public var fit: Fit?
    public var displayName: String

    /// Reads the form's `rating`, `title`, `body`, `fit` and `name` fields; `fit` counts only
    /// when `asksFit` (apparel, or a product with a size option). Throws every problem at once.
    public init(fields: [String: String], asksFit: Bool) throws(ReviewDraftProblems) {
        var problems: [String: String] = [:]
        let ratingText = (fields["rating"] ?? "").trimmingSpaces
        let rating = ratingText.utf8.count == 1 ? Int(ratingText) : nil
        if rating == nil || !(1...5).contains(rating ?? 0) { problems["rating"] = "Choose from 1 to 5 stars." }
        let title = Self.oneLine(fields["title"] ?? "")
        let body = Self.text(fields["body"] ?? "")
        let name = Self.oneLine(fields["name"] ?? "")
        problems["title"] = Self.problem(title, limit: Self.titleLimit, what: "a title")
        problems["body"] = Self.problem(body, limit: Self.bodyLimit, what: "what you think of it")
        problems["name"] = Self.problem(name, limit: Self.nameLimit, what: "the name to show")
        var fit: Fit?
        if asksFit, let text = fields["fit"], !text.isEmpty {
            fit = Fit(rawValue: text)
            if fit == nil { problems["fit"] = "Choose runs small, true to size or runs large, or leave it empty." }
        }
        guard problems.isEmpty, let rating else { throw ReviewDraftProblems(byField: problems) }
        self.init(rating: rating, title: title, body: body, fit: fit, displayName: name)
    }

    /// A draft of values already clean, for tests and stored reviews.
    public init(rating: Int, title: String, body: String, fit: Fit? = nil, displayName: String) {
        self.rating = rating
        self.title = title
        self.body = body
        self.fit = fit
        self.displayName = displayName
    }

    /// The name a review shows by default: the first name and the initial of the last,
    /// "Ryan M." for "Ryan Miller"; the one name when there is only one.
    public static func defaultName(for fullName: String) -> String {
        let words = oneLine(fullName).split(separator: " ")
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words.last?.first else { return String(first.prefix(nameLimit)) }
        return String(first.prefix(nameLimit - 3)) + " \(initial)."
    }

    private static func problem(_ text: String, limit: Int, what: String) -> String? {
        if text.isEmpty { return "Write \(what)." }
        let length = text.unicodeScalars.count
        if length > limit { return "Keep it to \(limit) characters (it has \(length))." }
        return nil
    }

    /// `text` without hidden characters, every line break and control character a space,
    /// runs of spaces one, trimmed.
    static func oneLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in visible(text) {
            let isSpace = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            if isSpace {
                if !lastWasSpace { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
            lastWasSpace = isSpace
        }
        return String(scalars).trimmingSpaces
    }

    /// `text` without hidden characters, with `\n` line breaks and no other control character
    /// but tabs, trimmed.
    static func text(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in visible(text) {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if scalar == "\r" || scalar == "\n" {
                scalars.append("\n")
            } else if scalar == "\t" || scalar.properties.generalCategory != .control {
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmingSpaces
    }

    /// The scalars of `text` less those that hide or reorder text: zero-width spaces and joiners,
    /// direction marks, embeddings, overrides and isolates, and the byte order mark.
    private static func visible(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: false
            default: true
            }
        }
    }
}

/// What is wrong with a review form, by field name, in words for the buyer.
public struct ReviewDraftProblems: Error, Hashable, Sendable {
    public var byField: [String: String]

    public init(byField: [String: String]) { self.byField = byField }
}
