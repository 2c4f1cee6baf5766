/// What one index run changes in `search_postings`: the documents whose words it rewrites and
/// the new postings of each word they had or have, so that only those words' rows are read
/// and written again (``Store/writePostings(_:)``).
///
/// ```swift
/// var change = SearchPostingsChange()
/// change.remove(7, from: ["jumper", "wool"])  // the edited product's old words
/// change.add(7, ["jumper": 10, "merino": 1])  // and its new ones
/// ```
struct SearchPostingsChange {
    /// Documents whose postings leave every word they were in.
    private(set) var removed: Set<Int32> = []
    /// Each word touched, with the documents (among ``removed``) it now occurs in.
    private(set) var added: [String: [(document: Int32, frequency: Int32)]] = [:]

    /// Takes `document` out of the postings of `words`.
    mutating func remove(_ document: Int32, from words: [Substring]) {
        removed.insert(document)
        for word in words where added[String(word)] == nil { added[String(word)] = [] }
    }

    /// Puts `document` into the postings of `words`, with each word's weighted count.
    mutating func add(_ document: Int32, _ words: [String: Int32]) {
        removed.insert(document)
        for (word, frequency) in words { added[word, default: []].append((document, frequency)) }
    }

    /// The words whose rows change, in order.
    var words: [String] { added.keys.sorted() }
}
