import Foundation

/// How a text search matches and orders products in Swift from the postings `shelf build`
/// writes (``SearchPostings``): a field-weighted BM25 (BM25F), the same on both engines.
///
/// Each occurrence of a word counts its field's weight (``fieldWeights``), a document's length
/// is its weighted count of words, and a query word's score in a product saturates with
/// ``saturation`` and is discounted for long texts by ``lengthDiscount``. A product matches
/// when every query word matches one of its spellings; its rank is minus its score in
/// millionths, so lower is better, as the engines' bm25 was.
///
/// ```swift
/// let ranking = SearchRanking(documents: [4, 9], lengths: [30, 200])
/// ranking.match([[woolPostings]])  // [(product: 0, rank: -812345), (product: 1, rank: -401234)]
/// ```
struct SearchRanking {
    /// How much a word counts in each field of a product's text (title, brand, categories,
    /// options, description, SKUs): the title above the brand and SKUs, those above the
    /// categories and option values, those above the description.
    static let fieldWeights: [Int32] = [10, 6, 3, 3, 1, 6]
    /// The BM25 constants: how fast more occurrences stop counting, and how much a long text
    /// is discounted.
    static let saturation: Float = 1.2
    static let lengthDiscount: Float = 0.75

    /// The product each document number stands for (its place in the catalogue), or -1.
    private var productOfDocument: [Int32]
    /// Each product's weighted count of words.
    private var lengths: [Float]
    private var averageLength: Float

    /// A ranking of products whose document numbers are `documents` and whose weighted
    /// lengths are `lengths`, both by the products' places.
    init(documents: [Int32], lengths: [Int32]) {
        let largest = Int(documents.max() ?? 0)
        productOfDocument = [Int32](repeating: -1, count: largest + 1)
        for (product, document) in documents.enumerated() where document >= 0 {
            productOfDocument[Int(document)] = Int32(product)
        }
        self.lengths = lengths.map { Float($0) }
        averageLength = max(1, self.lengths.reduce(0, +) / Float(max(1, lengths.count)))
    }

    /// The weighted count of each word of one product's fields (the words of each field, in
    /// ``fieldWeights`` order), and their sum, the product's length.
    static func weightedWords(of fields: [[String]]) -> (words: [String: Int32], length: Int32) {
        var counts: [String: Int32] = [:]
        var length: Int32 = 0
        for (field, weight) in zip(fields, fieldWeights) {
            for word in field {
                counts[word, default: 0] += weight
                length += weight
            }
        }
        return (counts, length)
    }

    /// The products matching every query word, each given as the postings of its spellings,
    /// with their rank (lower is better), in the catalogue's order.
    func match(_ terms: [[SearchPostings]]) -> [(product: Int, rank: Int64)] {
        guard !terms.isEmpty, !lengths.isEmpty else { return [] }
        let total = Float(lengths.count)
        var scores = [Float](repeating: 0, count: lengths.count)
        var termsMatched = [UInt8](repeating: 0, count: lengths.count)
        var frequency = [Int32](repeating: 0, count: lengths.count)
        var touched: [Int32] = []
        for (termIndex, spellings) in terms.enumerated() {
            touched.removeAll(keepingCapacity: true)
            for postings in spellings {
                for (document, count) in zip(postings.documents, postings.frequencies) {
                    guard Int(document) < productOfDocument.count else { continue }
                    let product = productOfDocument[Int(document)]
                    guard product >= 0 else { continue }
                    if frequency[Int(product)] == 0 { touched.append(product) }
                    frequency[Int(product)] += count
                }
            }
            // The word's rarity counts every product it occurs in, not only those still matching.
            let found = Float(touched.count)
            let rarity = log(1 + (total - found + 0.5) / (found + 0.5))
            for product in touched.lazy.map(Int.init) {
                let count = Float(frequency[product])
                frequency[product] = 0
                guard Int(termsMatched[product]) == termIndex else { continue }
                let discount = 1 - Self.lengthDiscount + Self.lengthDiscount * lengths[product] / averageLength
                scores[product] += rarity * count * (Self.saturation + 1) / (count + Self.saturation * discount)
                termsMatched[product] += 1
            }
        }
        let all = UInt8(terms.count)
        var matched: [(product: Int, rank: Int64)] = []
        for product in termsMatched.indices where termsMatched[product] == all {
            matched.append((product, -Int64((scores[product] * 1_000_000).rounded())))
        }
        return matched
    }
}
