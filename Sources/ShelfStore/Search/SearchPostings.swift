/// The products one word occurs in, with how much it counts in each: a row of
/// `search_postings`, written by `shelf build` and ranked by a search in Swift
/// (``SearchRanking``).
///
/// Documents are the `doc` numbers of `search_documents`, ascending; a frequency is the word's
/// weighted count in that document (each occurrence counts its field's weight,
/// ``SearchRanking/fieldWeights``). Stored as text (``encoded``), so both engines keep the
/// same bytes in an ordinary text column: each number is a varint of 5-bit digits, low digits
/// first, one ASCII character per digit (`0`…`O` ends the number, `P`…`o` continues it), the
/// documents as gaps from the previous one.
///
/// ```swift
/// let postings = SearchPostings(documents: [3, 40], frequencies: [10, 1])
/// SearchPostings(encoded: postings.encoded) == postings  // true
/// ```
struct SearchPostings: Equatable, Sendable {
    /// A document and the word's weighted count in it.
    typealias Posting = (document: Int32, frequency: Int32)

    var documents: [Int32] = []
    var frequencies: [Int32] = []

    /// The number of documents.
    var count: Int { documents.count }

    private static let zero = UInt8(ascii: "0")
    private static let more: UInt8 = 32

    /// The text stored in `search_postings.postings`.
    var encoded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documents.count * 3)
        var previous: Int32 = 0
        for (document, frequency) in zip(documents, frequencies) {
            Self.append(UInt32(bitPattern: document &- previous), to: &bytes)
            Self.append(UInt32(bitPattern: frequency), to: &bytes)
            previous = document
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    init(documents: [Int32] = [], frequencies: [Int32] = []) {
        self.documents = documents
        self.frequencies = frequencies
    }

    /// Reads ``encoded`` text back; nil when the text is not such an encoding.
    init?(encoded text: String) {
        var numbers: [UInt32] = []
        var value: UInt32 = 0
        var shift: UInt32 = 0
        for byte in text.utf8 {
            let digit = byte &- Self.zero
            guard digit < 2 * Self.more, shift < 32 else { return nil }
            value |= UInt32(digit & (Self.more - 1)) << shift
            if digit & Self.more == 0 {
                numbers.append(value)
                value = 0
                shift = 0
            } else {
                shift += 5
            }
        }
        guard shift == 0, numbers.count.isMultiple(of: 2) else { return nil }
        documents.reserveCapacity(numbers.count / 2)
        frequencies.reserveCapacity(numbers.count / 2)
        var document: Int32 = 0
        for pair in stride(from: 0, to: numbers.count, by: 2) {
            document &+= Int32(bitPattern: numbers[pair])
            documents.append(document)
            frequencies.append(Int32(bitPattern: numbers[pair + 1]))
        }
    }

    /// These postings without the documents of `removed` (ascending), with `added` (documents
    /// not in them), in document order: what an index change makes of a word's row. One merge
    /// pass over the row: a common word's row lists most of the catalogue, and an edit changes
    /// a few of its documents; a whole index run removes every document, so `removed` is
    /// sorted once by the caller and looked up by halving.
    func replacing(_ removed: [Int32], with added: [(document: Int32, frequency: Int32)]) -> SearchPostings {
        let new = added.sorted { $0.document < $1.document }
        var result = SearchPostings()
        result.documents.reserveCapacity(documents.count + new.count)
        result.frequencies.reserveCapacity(documents.count + new.count)
        var nextNew = 0
        for (document, frequency) in zip(documents, frequencies) {
            while nextNew < new.count, new[nextNew].document < document {
                result.append(new[nextNew])
                nextNew += 1
            }
            if removed.sortedContains(document) { continue }
            result.documents.append(document)
            result.frequencies.append(frequency)
        }
        for posting in new[nextNew...] { result.append(posting) }
        return result
    }

    /// These postings with pending `changes` laid over them (``Store/writePostings(_:foldingAbove:)``):
    /// each change, in document order, gives its document's new frequency, 0 taking it out.
    func applying(_ changes: [Posting]) -> SearchPostings {
        guard !changes.isEmpty else { return self }
        return replacing(changes.map(\.document), with: changes.filter { $0.frequency > 0 })
    }

    private mutating func append(_ posting: (document: Int32, frequency: Int32)) {
        documents.append(posting.document)
        frequencies.append(posting.frequency)
    }

    /// Every document of `lists`, with the sum of its frequencies in them: the postings of the
    /// words a prefix starts, taken as one word.
    static func union(_ lists: [SearchPostings]) -> SearchPostings {
        guard lists.count > 1 else { return lists.first ?? SearchPostings() }
        var sums: [Int32: Int32] = [:]
        for list in lists {
            for (document, frequency) in zip(list.documents, list.frequencies) { sums[document, default: 0] += frequency }
        }
        let documents = sums.keys.sorted()
        return SearchPostings(documents: documents, frequencies: documents.map { sums[$0] ?? 0 })
    }

    private static func append(_ number: UInt32, to bytes: inout [UInt8]) {
        var rest = number
        while rest >= UInt32(more) {
            bytes.append(zero + more + UInt8(rest & UInt32(more - 1)))
            rest >>= 5
        }
        bytes.append(zero + UInt8(rest))
    }
}
