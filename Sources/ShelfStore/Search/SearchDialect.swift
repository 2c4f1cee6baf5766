/// How each engine stores the search text and gives it back: the only search SQL that differs.
///
/// Both receive text already folded into ``SearchWords`` (lower case, no accents, plurals
/// reduced), so they tokenize words separated by spaces and nothing else. Queries never reach
/// them: a search matches and ranks in ``SearchTextIndex``, built from what ``readWords`` reads.
struct SearchDialect: Sendable {
    /// The statements of the ``Migration/search`` migration that create the text index.
    let indexTables: [String]
    /// The engine's own table of the text (FTS5's, with the shadow tables named after it), which
    /// a copy to the other engine leaves out and writes again with ``writeText``; nil where the
    /// text is a column of `search_documents`.
    let textTable: String?
    /// Reads the text of every product from ``textTable``: a `handle` and the six fields.
    let readText: String?
    /// Stores a product's text, with the arguments ``writeArguments`` makes.
    let writeText: String
    /// The arguments of ``writeText`` for a handle and the six fields of its text (title,
    /// brand, categories, options, description, SKUs).
    let writeArguments: @Sendable (_ handle: String, _ fields: [String]) -> [SQLValue]
    /// Removes a product's text; the handle is the one argument.
    let deleteText: String
    /// Reads every product's indexed words: a `handle` and what ``weightedWords`` reads.
    let readWords: String
    /// The words of a row of ``readWords`` with their weighted counts
    /// (``SearchTextIndex/fieldWeights``), the same on both engines.
    let weightedWords: @Sendable (Row) throws -> [String: Float]

    /// FTS5, its six columns read back for the ranking in Swift. `unicode61` without its own accent removal splits our
    /// folded text exactly on its spaces.
    static let sqlite = SearchDialect(
        indexTables: [
            """
            CREATE VIRTUAL TABLE search_text USING fts5(
                handle UNINDEXED, title, brand, categories, options, description, skus,
                tokenize = 'unicode61 remove_diacritics 0'
            )
            """
        ],
        textTable: "search_text",
        readText: "SELECT handle, title, brand, categories, options, description, skus FROM search_text",
        // A product's text row has the rowid of its search_documents row, so that it is found
        // (and deleted) by rowid: `handle` is unindexed, and a DELETE by it reads every row.
        writeText: """
            INSERT INTO search_text (rowid, handle, title, brand, categories, options, description, skus)
            VALUES ((SELECT rowid FROM search_documents WHERE handle = ?), ?, ?, ?, ?, ?, ?, ?)
            """,
        writeArguments: { handle, fields in [.text(handle), .text(handle)] + fields.map { .text($0) } },
        deleteText: "DELETE FROM search_text WHERE rowid = (SELECT rowid FROM search_documents WHERE handle = ?)",
        readWords: "SELECT handle, title, brand, categories, options, description, skus FROM search_text",
        weightedWords: { row in
            SearchTextIndex.weightedWords(
                of: try ["title", "brand", "categories", "options", "description", "skus"].map { try row.text($0) })
        }
    )

    /// A `tsvector` of the `simple` configuration (no stemming or stop words of its own: the
    /// words are ours) with title, brand and SKUs at weight A, categories and options at B and
    /// the description at C: the weights of ``SearchTextIndex/fieldWeights``, read back as text
    /// (`'wool':3A,17C`) for the ranking in Swift.
    static let postgresql = SearchDialect(
        indexTables: [
            "ALTER TABLE search_documents ADD COLUMN words TSVECTOR NOT NULL DEFAULT ''",
            "CREATE INDEX search_documents_words ON search_documents USING GIN (words)",
        ],
        textTable: nil,
        readText: nil,
        writeText: """
            UPDATE search_documents SET words =
                setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'A')
                || setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'B')
                || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'A')
            WHERE handle = ?
            """,
        writeArguments: { handle, fields in fields.map { .text($0) } + [.text(handle)] },
        deleteText: "UPDATE search_documents SET words = '' WHERE handle = ?",
        readWords: "SELECT handle, words::text AS words FROM search_documents",
        weightedWords: { row in SearchDialect.weightedWords(ofVector: try row.text("words")) }
    )
}

extension SearchDialect {
    /// The words of a `tsvector` as text (`'navy':5B,9C 'tee':2A`), each occurrence counted
    /// by its weight: A as the title's, B as the categories', C and D as the description's.
    static func weightedWords(ofVector text: String) -> [String: Float] {
        let weights: [Character: Float] = ["A": fieldWeight(0), "B": fieldWeight(2), "C": fieldWeight(4)]
        var counts: [String: Float] = [:]
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            var word = ""
            var index = rest.index(after: open)
            while index < rest.endIndex {
                let character = rest[index]
                index = rest.index(after: index)
                if character == "\\", index < rest.endIndex {
                    word.append(rest[index])
                    index = rest.index(after: index)
                } else if character == "'" {
                    guard index < rest.endIndex, rest[index] == "'" else { break }
                    word.append("'")
                    index = rest.index(after: index)
                } else {
                    word.append(character)
                }
            }
            let end = rest[index...].firstIndex(of: " ") ?? rest.endIndex
            var total: Float = 0
            // `:1A,2,3B`: one position each, its weight after it (none is D).
            for position in rest[index..<end].dropFirst().split(separator: ",") {
                total += position.last.flatMap { weights[$0] } ?? fieldWeight(4)
            }
            counts[word, default: 0] += index == end ? fieldWeight(4) : total
            rest = rest[end...]
        }
        return counts
    }

    private static func fieldWeight(_ field: Int) -> Float { SearchTextIndex.fieldWeights[field] }

    /// True for ``textTable`` and the tables the engine keeps beside it (`search_text_data`…).
    func ownsTable(_ name: String) -> Bool {
        guard let textTable else { return false }
        return name == textTable || name.hasPrefix(textTable + "_")
    }
}

/// One way a query word may be matched: the word itself, a correction of a typo, or a prefix.
struct SearchSpelling: Hashable, Sendable {
    var word: String
    var isPrefix: Bool
}

extension Dialect {
    /// The search SQL of this engine.
    var search: SearchDialect { name == Dialect.postgresql.name ? .postgresql : .sqlite }
}
