import Foundation

/// The one tokenizer of search: the same words come out of a product's text when it is indexed
/// and out of what a shopper types, so SQLite and PostgreSQL compare the very same tokens.
///
/// Text is lower-cased, accents are removed (`Crème` → `creme`), anything that is not a letter
/// or a digit separates words, and simple English plurals are reduced (`jumpers` → `jumper`,
/// `dresses` → `dress`). A word joined by punctuation (`OCT-FOR-XS`, `T-shirt`) also gives its
/// parts run together (`octforxs`) when indexed; a query keeps only the run-together word, so
/// `OCT-FO` typed so far still finds `OCT-FOR-XS` as a prefix.
///
/// ```swift
/// SearchWords.words(in: "Crème wool jumpers")  // ["creme", "wool", "jumper"]
/// SearchWords.queryWords(in: "T-shirts")       // ["tshirt"]
/// ```
///
/// Whatever the input holds — quotes, `*`, `NEAR`, `-`, control characters — only these words
/// ever reach the database, so no text can be read as FTS5 or tsquery syntax.
public enum SearchWords {
    /// The words of a product's `text` as they are indexed, in order, repeats kept: each part
    /// of a punctuated word, then the parts run together.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachChunk(of: text) { parts in
            for part in parts { words.append(stem(part)) }
            if parts.count > 1 { words.append(joined(parts)) }
        }
        return words
    }

    /// The words of what a shopper typed: one per space-separated word, its parts run together.
    public static func queryWords(in text: String) -> [String] {
        var words: [String] = []
        forEachChunk(of: text) { words.append(joined($0)) }
        return words
    }

    /// The parts run together, the last one made singular: `T-shirts` → `tshirt`, while
    /// `OCT-FOR-XS` stays `octforxs`.
    private static func joined(_ parts: [String]) -> String {
        parts.dropLast().joined() + stem(parts[parts.count - 1])
    }

    /// The letter-and-digit parts of each space-separated word of `text`, folded; words
    /// without any letter or digit are left out. The reference that ``forEachChunk(of:_:)``
    /// follows, and what it uses for text that is not plain ASCII.
    static func unicodeChunks(of text: String) -> [[String]] {
        fold(text).split(separator: " ").map { chunk in
            chunk.split(whereSeparator: { !isWordCharacter($0) }).map(String.init)
        }.filter { !$0.isEmpty }
    }

    /// Lower case without accents, with whitespace and control characters turned into spaces.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            case .control, .spaceSeparator, .lineSeparator, .paragraphSeparator, .format: folded.append(" ")
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// The singular of a simple English plural; words with digits (SKUs, sizes) stay as they are.
    public static func stem(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return asciiStem(word) }
        return unicodeStem(word)
    }

    /// ``stem(_:)`` on characters: the path for words beyond plain ASCII, and the reference the
    /// ASCII path is tested against.
    static func unicodeStem(_ word: String) -> String {
        guard word.count >= 4, !word.contains(where: \.isNumber), word.hasSuffix("s") else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        for ending in ["xes", "ches", "shes", "zzes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        for ending in ["ss", "us", "is"] where word.hasSuffix(ending) { return word }
        return String(word.dropLast())
    }

    /// The other singulars a reduced plural may stand for, which ``stem(_:)`` cannot tell
    /// apart without the catalogue: `hoodies` gives `hoody`, which may be `hoodie`; `scarves`
    /// gives `scarve`, which may be `scarf` or `scarfe`. A search also matches those of them
    /// the catalogue uses.
    ///
    /// ```swift
    /// SearchWords.otherSingulars(of: SearchWords.stem("beanies"))  // ["beanie"]
    /// ```
    public static func otherSingulars(of word: String) -> [String] {
        guard word.count >= 4, !word.contains(where: \.isNumber) else { return [] }
        if word.hasSuffix("y") { return [String(word.dropLast()) + "ie"] }
        if word.hasSuffix("ve") { return [String(word.dropLast(2)) + "f", String(word.dropLast(2)) + "fe"] }
        return []
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
