import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The in-memory inverted index a search matches and ranks with, and the weighted words both
/// engines give back to build it.
struct SearchTextIndexTests {
    func word(_ text: String, prefix: Bool = false) -> [SearchSpelling] {
        [SearchSpelling(word: text, isPrefix: prefix)]
    }

    /// The places of the products matching `terms`, best first (then by place).
    func ranked(_ index: SearchTextIndex, _ terms: [[SearchSpelling]]) -> [Int] {
        index.match(terms).sorted { ($0.rank, $0.product) < ($1.rank, $1.product) }.map(\.product)
    }

    @Test func eachOccurrenceCountsItsFieldsWeight() {
        let counts = SearchTextIndex.weightedWords(of: ["wool jumper", "northwool", "knitwear", "navy wool", "wool wool", "nav1"])
        #expect(counts == ["wool": 10 + 3 + 1 + 1, "jumper": 10, "northwool": 10, "knitwear": 3, "navy": 3, "nav1": 10])
    }

    @Test func aVectorsWeightsReadAsTheFieldsWeights() {
        #expect(
            SearchDialect.weightedWords(ofVector: "'navy':5B,9C 'tee':2A 'it''s':3 'bare'") == ["navy": 4, "tee": 10, "it's": 1, "bare": 1])
    }

    @Test func bothEnginesGiveBackTheWordsOfTheIndexedFields() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            let titles = Dictionary(uniqueKeysWithValues: SearchTests.categories.map { ($0.handle, $0.title) })
            let search = store.database.dialect.search
            var read: [String: [String: Float]] = [:]
            for row in try store.database.query(search.readWords) { read[try row.text("handle")] = try search.weightedWords(row) }
            let expected = Dictionary(
                uniqueKeysWithValues: SearchTests.products.map {
                    ($0.handle, SearchTextIndex.weightedWords(of: SearchDocument($0, categoryTitles: titles).fields))
                })
            #expect(read == expected)
            #expect(read["navy-jumper"]?["jumper"] == 11)
        }
    }

    @Test func everyTermMustMatchAndAnyOfItsSpellingsDoes() {
        let index = SearchTextIndex(products: [["wool": 10, "coat": 10], ["wool": 10], ["cardigan": 10]])
        #expect(Set(ranked(index, [word("wool"), word("coat")])) == [0])
        #expect(Set(ranked(index, [word("wool")])) == [0, 1])
        let typo = [SearchSpelling(word: "cardigna", isPrefix: false), SearchSpelling(word: "cardigan", isPrefix: false)]
        #expect(ranked(index, [typo]) == [2])
        #expect(ranked(index, [word("nothing")]).isEmpty)
        #expect(SearchTextIndex(products: []).match([word("wool")]).isEmpty)
    }

    @Test func aPrefixMatchesTheWordsItStartsAndAWordOnlyItself() {
        let index = SearchTextIndex(products: [["car": 10], ["card": 10], ["cardigan": 10], ["scarf": 10], ["cardé": 1]])
        #expect(Set(ranked(index, [word("card", prefix: true)])) == [1, 2, 4])
        #expect(ranked(index, [word("card")]) == [1])
        #expect(ranked(index, [word("cardi")]).isEmpty)
        #expect(Set(ranked(index, [word("c", prefix: true)])) == [0, 1, 2, 4])
    }

    @Test func aTitleWordRanksAboveADescriptionWord() {
        let title = SearchTextIndex.weightedWords(of: ["pocket tee", "", "", "", "cotton jersey", ""])
        let description = SearchTextIndex.weightedWords(of: ["crew tee", "", "", "", "a chest pocket in cotton", ""])
        #expect(ranked(SearchTextIndex(products: [description, title]), [word("pocket")]) == [1, 0])
        #expect(ranked(SearchTextIndex(products: [title, description]), [word("pocket")]) == [0, 1])
    }

    @Test func aRarerWordCountsMore() {
        // Product 1 has the rare word, product 0 the common one, both in the title.
        let index = SearchTextIndex(products: [
            ["wool": 10, "merino": 1], ["wool": 1, "merino": 10], ["wool": 10], ["wool": 10], ["wool": 10],
        ])
        #expect(Array(ranked(index, [word("wool"), word("merino")]).prefix(2)) == [1, 0])
    }

    @Test func aLongerTextCountsTheSameWordLess() {
        let short = SearchTextIndex.weightedWords(of: ["wool scarf", "", "", "", "", ""])
        let long = SearchTextIndex.weightedWords(of: ["wool scarf", "", "", "", "long fringe tassels in two colours and a wide weave", ""])
        #expect(ranked(SearchTextIndex(products: [long, short]), [word("wool")]) == [1, 0])
    }
}
