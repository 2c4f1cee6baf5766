import ShelfCore
import Testing

@testable import ShelfStore

/// What a search document stores must not move when its code does: an index written by an earlier
/// build is compared by fingerprint, and a different fingerprint rewrites every product.
struct SearchDocumentTests {
    /// FNV-1a over each stored value and each field's words joined by spaces, each ended by 0x1F:
    /// how fingerprints have been written since the index kept them.
    private func storedFingerprint(_ document: SearchDocument) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let values =
            [
                document.title, document.brand ?? "\u{0}", document.released, document.image?.src ?? "\u{0}",
                document.image?.alt ?? "\u{0}", document.swatches, document.categories, document.variants,
            ] + document.fields.map { $0.joined(separator: " ") }
        for value in values {
            for byte in value.utf8 + [0x1F] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }

    @Test func fingerprintsKeepTheirFormat() {
        let titles = Dictionary(uniqueKeysWithValues: SearchTests.categories.map { ($0.handle, $0.title) })
        for product in SearchTests.products {
            let document = SearchDocument(product, categoryTitles: titles)
            #expect(document.fingerprint == storedFingerprint(document), "\(product.handle)")
        }
    }

    @Test func fieldsHoldTheWordsOfTheirText() {
        let product = SearchTests.products[0]
        let document = SearchDocument(product, categoryTitles: [:])
        #expect(document.fields.count == 6)
        #expect(document.fields[0] == SearchWords.words(in: product.title))
        #expect(document.fields[5] == product.variants.flatMap { SearchWords.words(in: $0.sku) })
    }
}
