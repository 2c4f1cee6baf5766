/// The description search results and link previews show, cut from longer text.
///
/// A product without its own `seo.description` is described by the first paragraph of its
/// body, often several hundred characters that search engines cut at about 160 anyway; the
/// page carried it twice in full (`<meta name="description">` and `og:description`).
///
/// ```swift
/// MetaDescription.cut("Soft organic cotton, knitted in Porto and dyed with …")  // at most 160 characters
/// ```
enum MetaDescription {
    /// The longest description kept whole, in characters.
    static let limit = 160

    /// The text itself when it is short enough; otherwise its longest run of whole words within
    /// the limit, trailing punctuation dropped, followed by "…".
    static func cut(_ text: String) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        var end = head.endIndex
        if let space = head.lastIndex(where: { $0 == " " || $0 == "\n" }), space > head.startIndex {
            end = space
        }
        var kept = head[..<end]
        while let last = kept.last, last == " " || last == "," || last == ";" || last == ":" || last == "." || last == "\n" {
            kept = kept.dropLast()
        }
        return kept + "…"
    }
}
