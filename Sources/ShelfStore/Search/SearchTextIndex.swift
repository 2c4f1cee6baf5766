import Foundation

/// The indexed words of every product as an inverted index held in memory, ranked in Swift
/// with a field-weighted BM25 (BM25F): what a text search matches and orders by.
///
/// The database index `shelf build` writes stays the source of truth; a search process builds
/// this from it whenever the index version moves (``SearchCatalogue/read(_:)``). Asking the
/// engine instead cost a bm25 (or `ts_rank`) of every matching row, about 10 ms for 9,000
/// rows, where this costs a pass over the postings of the query's words. Both engines give it
/// the same weighted counts, so they rank alike.
///
/// ```swift
/// let index = SearchTextIndex(products: [["wool": 10, "jumper": 10], ["wool": 1]])
/// index.match([[SearchSpelling(word: "wool", isPrefix: true)]])  // both, the first ranked higher
/// ```
struct SearchTextIndex {
    /// How much a word counts in each field of a product's text (title, brand, categories,
    /// options, description, SKUs): the title, brand and SKUs above the categories and option
    /// values, those above the description. PostgreSQL's weights A, B and C hold these three.
    static let fieldWeights: [Float] = [10, 10, 3, 3, 1, 10]
    /// The BM25 constants: how fast more occurrences stop counting, and how much a long text
    /// is discounted.
    static let saturation: Float = 1.2
    static let lengthDiscount: Float = 0.75

    /// Every distinct word, in the order of their UTF-8 bytes, so that the words a prefix
    /// starts are neighbours.
    private(set) var words: [String] = []
    /// Word `w`'s postings are at `starts[w]..<starts[w + 1]` of ``postings`` and ``frequencies``.
    private var starts: [Int32] = [0]
    /// Product places (as the products were given), ascending within a word.
    private var postings: [Int32] = []
    /// The word's weighted count in that product: each occurrence counts its field's weight.
    private var frequencies: [Float] = []
    /// Each product's weighted count of words.
    private var lengths: [Float] = []
    private var averageLength: Float = 1

    /// The number of products indexed.
    var count: Int { lengths.count }

    /// An index of `products`, each given as its words with their weighted counts.
    init(products: [[String: Float]]) {
        var byWord: [String: [(product: Int32, frequency: Float)]] = [:]
        lengths.reserveCapacity(products.count)
        for (place, counts) in products.enumerated() {
            var length: Float = 0
            for (word, frequency) in counts {
                byWord[word, default: []].append((Int32(place), frequency))
                length += frequency
            }
            lengths.append(length)
        }
        averageLength = max(1, lengths.reduce(0, +) / Float(max(1, lengths.count)))
        words = byWord.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        starts.reserveCapacity(words.count + 1)
        for word in words {
            for posting in byWord[word] ?? [] {
                postings.append(posting.product)
                frequencies.append(posting.frequency)
            }
            starts.append(Int32(postings.count))
        }
    }

    /// The weighted counts of the words of one product's fields (``fieldWeights`` order), each
    /// field's words separated by spaces.
    static func weightedWords(of fields: [String]) -> [String: Float] {
        var counts: [String: Float] = [:]
        for (field, weight) in zip(fields, fieldWeights) {
            for word in field.split(separator: " ") { counts[String(word), default: 0] += weight }
        }
        return counts
    }

    /// The products matching every term (a term matches when one of its spellings does; a
    /// prefix spelling matches the words it starts), with their rank: lower is better.
    func match(_ terms: [[SearchSpelling]]) -> [(product: Int, rank: Int64)] {
        guard !terms.isEmpty, !lengths.isEmpty else { return [] }
        let total = Float(lengths.count)
        var scores = [Float](repeating: 0, count: lengths.count)
        var termsMatched = [UInt8](repeating: 0, count: lengths.count)
        var frequency = [Float](repeating: 0, count: lengths.count)
        var touched: [Int32] = []
        for (termIndex, spellings) in terms.enumerated() {
            touched.removeAll(keepingCapacity: true)
            for word in Set(spellings.flatMap(wordRange)) {
                for place in Int(starts[word])..<Int(starts[word + 1]) {
                    let product = Int(postings[place])
                    guard Int(termsMatched[product]) == termIndex else { continue }
                    if frequency[product] == 0 { touched.append(postings[place]) }
                    frequency[product] += frequencies[place]
                }
            }
            let found = Float(touched.count)
            let rarity = log(1 + (total - found + 0.5) / (found + 0.5))
            for product in touched.lazy.map(Int.init) {
                let count = frequency[product]
                let discount = 1 - Self.lengthDiscount + Self.lengthDiscount * lengths[product] / averageLength
                scores[product] += rarity * count * (Self.saturation + 1) / (count + Self.saturation * discount)
                termsMatched[product] += 1
                frequency[product] = 0
            }
        }
        let all = UInt8(terms.count)
        var matched: [(product: Int, rank: Int64)] = []
        for product in termsMatched.indices where termsMatched[product] == all {
            matched.append((product, -Int64((scores[product] * 1_000_000).rounded())))
        }
        return matched
    }

    /// The places in ``words`` of a spelling: the word itself, or every word a prefix starts.
    private func wordRange(_ spelling: SearchSpelling) -> Range<Int> {
        let first = firstWord(notBefore: spelling.word)
        guard spelling.isPrefix else {
            return first < words.count && words[first] == spelling.word ? first..<first + 1 : first..<first
        }
        var end = first
        while end < words.count, words[end].utf8.starts(with: spelling.word.utf8) { end += 1 }
        return first..<end
    }

    /// The first place in ``words`` whose word is not before `word` in byte order.
    private func firstWord(notBefore word: String) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].utf8.lexicographicallyPrecedes(word.utf8) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
