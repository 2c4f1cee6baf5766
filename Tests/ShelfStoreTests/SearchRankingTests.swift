import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The BM25F ranking of query words from their postings, and the store ranking from the
/// postings it wrote exactly as from the products' own text, on SQLite and PostgreSQL alike.
struct SearchRankingTests {
    /// Postings of one word in documents 1, 2, 3… with these weighted counts (0: not there).
    static func postings(_ counts: [Int32]) -> SearchPostings {
        let present = counts.indices.filter { counts[$0] > 0 }
        return SearchPostings(documents: present.map { Int32($0 + 1) }, frequencies: present.map { counts[$0] })
    }

    @Test func aWordCountsItsFieldsWeight() {
        let title = SearchRanking.weightedWords(of: [["wool", "jumper"], [], [], [], ["warm", "wool"], []])
        #expect(title.words == ["wool": 11, "jumper": 10, "warm": 1])
        #expect(title.length == 22)
        let brand = SearchRanking.weightedWords(of: [[], ["northwool"], ["knitwear"], ["navy"], [], ["nav-1"]])
        #expect(brand.words == ["northwool": 6, "knitwear": 3, "navy": 3, "nav-1": 6])
    }

    @Test func aTitleWordRanksAboveTheSameWordInTheDescription() {
        let ranking = SearchRanking(documents: [1, 2, 3], lengths: [20, 20, 20])
        let matched = ranking.match([[Self.postings([1, 10, 0])]])
        #expect(matched.map(\.product) == [0, 1])
        #expect(matched[1].rank < matched[0].rank)
    }

    @Test func aRareWordCountsMoreThanACommonOne() throws {
        let ranking = SearchRanking(documents: [1, 2, 3, 4], lengths: [10, 10, 10, 10])
        let common = Self.postings([1, 1, 1, 0])
        let rare = Self.postings([0, 0, 0, 1])
        let commonRank = ranking.match([[common]]).first { $0.product == 0 }?.rank
        let rareRank = ranking.match([[rare]]).first { $0.product == 3 }?.rank
        #expect(try #require(rareRank) < #require(commonRank))
    }

    @Test func aLongTextIsDiscounted() {
        let ranking = SearchRanking(documents: [1, 2], lengths: [10, 200])
        let matched = ranking.match([[Self.postings([3, 3])]])
        #expect(matched[0].rank < matched[1].rank)
    }

    @Test func everyQueryWordMustMatchOneOfItsSpellings() {
        let ranking = SearchRanking(documents: [1, 2, 3], lengths: [10, 10, 10])
        let wool = Self.postings([1, 1, 1])
        let jumper = Self.postings([1, 0, 0])
        let jumpers = Self.postings([0, 1, 0])
        #expect(ranking.match([[wool], [jumper, jumpers]]).map(\.product) == [0, 1])
        #expect(ranking.match([[wool], [jumper]]).map(\.product) == [0])
        #expect(ranking.match([[jumper], [jumpers]]).isEmpty)
    }

    @Test func documentsOutsideTheCatalogueAreLeftOut() {
        // Document 2 is no product (unpublished); document 9 is past every known number.
        let ranking = SearchRanking(documents: [3, 1], lengths: [10, 10])
        let word = SearchPostings(documents: [1, 2, 3, 9], frequencies: [1, 1, 10, 1])
        #expect(ranking.match([[word]]).map(\.product) == [0, 1])
    }

    /// The ranks a search computes from the postings in the database, for each query.
    static func storedRanks(_ store: Store, _ terms: [[SearchSpelling]]) throws -> [String: Int64] {
        let catalogue = try store.searchCache.catalogue(store.database)
        let lists = try terms.map { try $0.map { try store.postings(of: $0, version: catalogue.indexVersion) } }
        return Dictionary(uniqueKeysWithValues: catalogue.ranking.match(lists).map { (catalogue.products[$0.product].handle, $0.rank) })
    }

    /// The ranks computed from the products' text in memory, without any database.
    static func expectedRanks(_ terms: [[SearchSpelling]]) -> [String: Int64] {
        let documents = SearchTests.products.map { SearchDocument($0, categoryTitles: [:]) }
        let weighted = SearchTests.products.map {
            SearchRanking.weightedWords(
                of: SearchDocument(
                    $0, categoryTitles: Dictionary(uniqueKeysWithValues: SearchTests.categories.map { ($0.handle, $0.title) })
                ).fields)
        }
        let ranking = SearchRanking(documents: documents.indices.map { Int32($0 + 1) }, lengths: weighted.map(\.length))
        let lists = terms.map { spellings in
            spellings.map { spelling in
                SearchPostings.union(
                    weighted.indices.compactMap { index -> SearchPostings? in
                        let counts = weighted[index].words.filter {
                            spelling.isPrefix ? $0.key.hasPrefix(spelling.word) : $0.key == spelling.word
                        }
                        guard !counts.isEmpty else { return nil }
                        return SearchPostings(documents: [Int32(index + 1)], frequencies: [counts.values.reduce(0, +)])
                    })
            }
        }
        return Dictionary(uniqueKeysWithValues: ranking.match(lists).map { (documents[$0.product].handle, $0.rank) })
    }

    static let queries: [[[SearchSpelling]]] = [
        [[SearchSpelling(word: "wool", isPrefix: false)]],
        [[SearchSpelling(word: "jump", isPrefix: true)]],
        [[SearchSpelling(word: "navy", isPrefix: false)], [SearchSpelling(word: "s", isPrefix: true)]],
        [[SearchSpelling(word: "northwool", isPrefix: false), SearchSpelling(word: "cotton", isPrefix: false)]],
    ]

    @Test(arguments: queries.indices)
    func theStoreRanksFromItsPostingsAsFromTheText(query index: Int) throws {
        try withTemporaryStore { (store: Store) throws in
            // Newest first in the catalogue, listed here in another order: places differ, ranks must not.
            try store.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            let expected = Self.expectedRanks(Self.queries[index])
            #expect(!expected.isEmpty)
            #expect(try Self.storedRanks(store, Self.queries[index]) == expected)
        }
    }
}
