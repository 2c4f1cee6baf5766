/// What one index run changes in the postings: the documents it rewrites, the words each of
/// them leaves and the new postings of each word they have, so that only those words are read
/// and written again (``Store/writePostings(_:foldingAbove:)``).
///
/// ```swift
/// var change = SearchPostingsChange()
/// change.remove(7, from: ["jumper", "wool"])  // the edited product's old words
/// change.add(7, ["jumper": 10, "merino": 1])  // and its new ones
/// change.rows  // jumper 7 10, merino 7 1, wool 7 0
/// ```
struct SearchPostingsChange {
    /// Documents whose postings leave every word they were in.
    private(set) var removed: Set<Int32> = []
    /// Each word touched, with the documents (among ``removed``) it now occurs in.
    private(set) var added: [String: [(document: Int32, frequency: Int32)]] = [:]
    /// Each word touched, with the documents (among ``removed``) that had it before.
    private(set) var left: [String: [Int32]] = [:]
    /// How many (word, document) pairs the change sets, at most: what it adds to the pending
    /// changes. Counted as they come, as an index run asks after every product.
    private(set) var size = 0

    /// Takes `document` out of the postings of `words`.
    mutating func remove(_ document: Int32, from words: [Substring]) {
        removed.insert(document)
        for word in words { left[String(word), default: []].append(document) }
        size += words.count
    }

    /// Puts `document` into the postings of `words`, with each word's weighted count.
    mutating func add(_ document: Int32, _ words: [String: Int32]) {
        removed.insert(document)
        for (word, frequency) in words { added[word, default: []].append((document, frequency)) }
        size += words.count
    }

    /// The words whose postings change, in order.
    var words: [String] { Set(added.keys).union(left.keys).sorted() }

    /// The change as pending rows, by word then document: each document's new weighted count in
    /// the word, 0 where it left the word.
    var rows: [(term: String, document: Int32, frequency: Int32)] {
        words.flatMap { word in
            var frequencies: [Int32: Int32] = [:]
            for document in left[word] ?? [] { frequencies[document] = 0 }
            for posting in added[word] ?? [] { frequencies[posting.document] = posting.frequency }
            return frequencies.sorted { $0.key < $1.key }.map { (word, $0.key, $0.value) }
        }
    }
}
