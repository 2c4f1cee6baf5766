import ShelfCore

extension Store {
    /// How many pending (word, document) changes a run may leave before it folds them all into
    /// `search_postings`: about 200 edited products, a few MB at most, so reading a word costs
    /// its row and a few hundred small rows beside it.
    static let pendingPostingsLimit = 50_000

    /// How many postings' changes an index run gathers before it folds them into the rows: those
    /// of about 5,000 new products, 20 MB. Fewer would rewrite the rows of the common words (a
    /// few hundred, each listing most of the catalogue) more often than they save.
    static let postingsBatch = 1_000_000

    /// Records the postings `change` rewrites: as pending changes beside the rows while they
    /// stay under `limit`, so an edit of one product writes its words' changes and none of their
    /// rows; otherwise by folding the pending changes and this one into the rows of every word
    /// they touch (each row loses the documents rewritten and gains their new postings; a row
    /// left empty goes) and clearing the pending ones.
    func writePostings(_ change: SearchPostingsChange, foldingAbove limit: Int) throws {
        guard change.size > 0 else { return }
        let pending = try database.query("SELECT COUNT(*) AS pending FROM search_posting_changes").first?.int("pending") ?? 0
        if pending + change.size <= limit {
            try addPendingPostings(change.rows)
            return
        }
        var folded = try pendingPostings(where: nil, [])
        for word in change.words where folded[word] == nil { folded[word] = [] }
        let removed = change.removed.sorted()
        for (word, pendingChanges) in folded.sorted(by: { $0.key < $1.key }) {
            let row = try database.query("SELECT postings FROM search_postings WHERE term = ?", [.text(word)]).first
            let old = try row.flatMap { SearchPostings(encoded: try $0.text("postings")) } ?? SearchPostings()
            let new = old.applying(pendingChanges).replacing(removed, with: change.added[word] ?? [])
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
        if pending > 0 { try database.execute("DELETE FROM search_posting_changes") }
    }

    /// How many pending rows one statement writes: three values each, under the 999 of older SQLite builds.
    private static let pendingRowsPerStatement = 300

    /// Writes `rows` (one per word and document) over the pending changes, replacing any change
    /// of the same word and document an earlier run left.
    private func addPendingPostings(_ rows: [(term: String, document: Int32, frequency: Int32)]) throws {
        for start in stride(from: 0, to: rows.count, by: Self.pendingRowsPerStatement) {
            let chunk = rows[start..<min(start + Self.pendingRowsPerStatement, rows.count)]
            try database.execute(
                """
                INSERT INTO search_posting_changes (term, doc, frequency)
                VALUES \(Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", "))
                ON CONFLICT (term, doc) DO UPDATE SET frequency = excluded.frequency
                """, chunk.flatMap { [SQLValue.text($0.term), .int(Int($0.document)), .int(Int($0.frequency))] })
        }
    }

    /// The pending changes of the words `condition` selects (every word when nil), by word, each
    /// word's in document order.
    private func pendingPostings(where condition: String?, _ arguments: [SQLValue]) throws -> [String: [SearchPostings.Posting]] {
        var changes: [String: [SearchPostings.Posting]] = [:]
        let rows = try database.query(
            "SELECT term, doc, frequency FROM search_posting_changes\(condition.map { " WHERE " + $0 } ?? "") ORDER BY term, doc",
            arguments)
        for row in rows {
            changes[try row.text("term"), default: []].append(
                (Int32(truncatingIfNeeded: try row.int64("doc")), Int32(truncatingIfNeeded: try row.int64("frequency"))))
        }
        return changes
    }

    /// The postings of the words `condition` selects, each row with its pending changes laid
    /// over it, by word; words left with no document are left out.
    func currentPostings(where condition: String, _ arguments: [SQLValue]) throws -> [String: SearchPostings] {
        var postings: [String: SearchPostings] = [:]
        for row in try database.query("SELECT term, postings FROM search_postings WHERE " + condition, arguments) {
            postings[try row.text("term")] = SearchPostings(encoded: try row.text("postings")) ?? SearchPostings()
        }
        for (word, changes) in try pendingPostings(where: condition, arguments) {
            postings[word] = (postings[word] ?? SearchPostings()).applying(changes)
        }
        return postings.filter { $0.value.count > 0 }
    }

    /// The postings of one spelling of a query word: the word's own, or for a prefix those of
    /// every indexed word it starts, taken together. Kept per process until the index changes
    /// (`version`, ``SearchCatalogue/indexVersion``).
    func postings(of spelling: SearchSpelling, version: Int64) throws -> SearchPostings {
        try searchCache.postings(of: spelling, version: version) {
            guard spelling.isPrefix else {
                return try currentPostings(where: "term = ?", [.text(spelling.word)])[spelling.word] ?? SearchPostings()
            }
            // Terms compare by their bytes on both engines (PostgreSQL's columns are COLLATE "C"), and no
            // folded word holds U+10FFFF: the range is every word that starts with the prefix.
            let words = try currentPostings(
                where: "term >= ? AND term < ?", [.text(spelling.word), .text(spelling.word + "\u{10FFFF}")])
            return SearchPostings.union(words.sorted { $0.key < $1.key }.map(\.value))
        }
    }
}
