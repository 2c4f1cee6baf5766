import ShelfCore

extension Store {
    /// The longest word whose typos are looked for; longer "words" are pasted noise.
    private static let longestCorrectedWord = 32

    /// The spellings each query word matches: itself (a prefix for the last word, which the
    /// shopper may still be typing), the other singulars it may stand for that the catalogue
    /// uses (``SearchWords/otherSingulars(of:)``: `hoodies` finds `hoodie`) and, for a word of
    /// five letters or more that no product uses in any of these forms, the catalogue words one
    /// edit away, most used first, at most three. Words with digits (SKUs, sizes) are never
    /// corrected.
    func spellings(of words: [String]) throws -> (terms: [[SearchSpelling]], corrections: [String: [String]]) {
        let singulars = words.map { SearchWords.otherSingulars(of: $0) }
        let known = try knownWords(words + singulars.joined())
        var terms: [[SearchSpelling]] = []
        var corrections: [String: [String]] = [:]
        for (index, word) in words.enumerated() {
            let others = singulars[index].filter(known.contains)
            var spellings = [SearchSpelling(word: word, isPrefix: index == words.count - 1)]
            spellings += others.map { SearchSpelling(word: $0, isPrefix: false) }
            if !known.contains(word), others.isEmpty, word.count >= SearchWords.shortestCorrectedWord, !word.contains(where: \.isNumber) {
                let close = try nearWords(to: word).filter { $0.distance == 1 }.prefix(3).map(\.word)
                spellings += close.map { SearchSpelling(word: $0, isPrefix: false) }
                if !close.isEmpty { corrections[word] = close }
            }
            terms.append(spellings)
        }
        return (terms, corrections)
    }

    /// The query with each word no product uses replaced by the nearest catalogue word (two
    /// edits at most), or nil when no word changes.
    func suggestion(for words: [String]) throws -> String? {
        let known = try knownWords(words)
        var changed = false
        let suggested = try words.map { word in
            guard !known.contains(word), !word.contains(where: \.isNumber),
                let nearest = try nearWords(to: word).first(where: { $0.distance <= 2 })
            else { return word }
            changed = true
            return nearest.word
        }
        return changed ? suggested.joined(separator: " ") : nil
    }

    /// Which of `words` some product uses.
    private func knownWords(_ words: [String]) throws -> Set<String> {
        guard !words.isEmpty else { return [] }
        let rows = try database.query(
            "SELECT word FROM search_words WHERE word IN (\(Self.marks(words.count)))", words.map { .text($0) })
        return Set(try rows.map { try $0.text("word") })
    }

    /// Catalogue words that share a one-character deletion with `word` (so at most two edits
    /// away), with their distance, nearest and then most used first.
    private func nearWords(to word: String) throws -> [(word: String, distance: Int)] {
        guard word.count <= Self.longestCorrectedWord else { return [] }
        let deletions = SearchWords.deletions(of: word)
        let rows = try database.query(
            """
            SELECT w.word, w.products FROM search_words w
            WHERE w.word IN (SELECT n.word FROM search_deletions n WHERE n.deletion IN (\(Self.marks(deletions.count))))
            """, deletions.map { .text($0) })
        let found = try rows.map { (word: try $0.text("word"), products: try $0.int("products")) }
        return found.map { (word: $0.word, distance: SearchWords.distance(word, $0.word), products: $0.products) }
            .filter { $0.distance > 0 }
            .sorted { ($0.distance, -$0.products, $0.word) < ($1.distance, -$1.products, $1.word) }
            .map { ($0.word, $0.distance) }
    }
}
