import ShelfCore

extension Store {
    /// Rewrites the `search_postings` rows of the words `change` touches: each row loses the
    /// documents the change rewrites and gains their new postings; a row left empty goes.
    func writePostings(_ change: SearchPostingsChange) throws {
        let removed = change.removed.sorted()
        for word in change.words {
            let row = try database.query("SELECT postings FROM search_postings WHERE term = ?", [.text(word)]).first
            let old = try row.flatMap { SearchPostings(encoded: try $0.text("postings")) } ?? SearchPostings()
            let new = old.replacing(removed, with: change.added[word] ?? [])
            if new.count == 0 {
                if row != nil { try database.execute("DELETE FROM search_postings WHERE term = ?", [.text(word)]) }
            } else {
                try database.execute(
                    """
                    INSERT INTO search_postings (term, postings) VALUES (?, ?)
                    ON CONFLICT (term) DO UPDATE SET postings = excluded.postings
                    """, [.text(word), .text(new.encoded)])
            }
        }
    }

    /// The postings of one spelling of a query word: the word's own, or for a prefix those of
    /// every indexed word it starts, taken together. Kept per process until the index changes
    /// (`version`, ``SearchCatalogue/indexVersion``).
    func postings(of spelling: SearchSpelling, version: Int64) throws -> SearchPostings {
        try searchCache.postings(of: spelling, version: version) {
            guard spelling.isPrefix else {
                let row = try database.query("SELECT postings FROM search_postings WHERE term = ?", [.text(spelling.word)]).first
                return try row.flatMap { SearchPostings(encoded: try $0.text("postings")) } ?? SearchPostings()
            }
            // Terms compare by their bytes on both engines (PostgreSQL's column is COLLATE "C"), and no
            // folded word holds U+10FFFF: the range is every word that starts with the prefix.
            let rows = try database.query(
                "SELECT postings FROM search_postings WHERE term >= ? AND term < ?",
                [.text(spelling.word), .text(spelling.word + "\u{10FFFF}")])
            return SearchPostings.union(try rows.compactMap { SearchPostings(encoded: try $0.text("postings")) })
        }
    }
}
