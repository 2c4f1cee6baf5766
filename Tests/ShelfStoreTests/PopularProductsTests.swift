import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The products a search with no results offers instead, on SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct PopularProductsTests {
    /// The search tests' catalogue, synced and indexed, with `units` of every SKU in stock.
    func withCatalogue(units: Int = 10, _ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            for product in SearchTests.products {
                for variant in product.variants { try store.setStock(variant.sku, to: units) }
            }
            try body(store)
        }
    }

    /// Places an order of `lines` at `price` cents a unit, and pays it unless told not to.
    func order(_ store: Store, _ lines: [(sku: String, quantity: Int)], price: Int64, paid: Bool = true, number: Int = 1) throws {
        let placed = try store.placeOrder(.sample(lines, price: price), now: 0, holdFor: halfAnHour)
        if paid { _ = try store.pay(placed, reference: "ts_\(number)", event: "evt_\(number)") }
    }

    func handles(_ store: Store, limit: Int = 4) throws -> [String] {
        try store.popularProducts(limit: limit).map(\.handle)
    }

    @Test func withoutOrdersTheNewestProductsComeFirst() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try handles(store) == ["wrap-coat", "navy-jumper", "creme-tee", "cable-scarf"])
            #expect(try handles(store, limit: 2) == ["wrap-coat", "navy-jumper"])
        }
    }

    @Test func bestSellersByUnitsInPaidOrdersComeFirst() throws {
        try withCatalogue { (store: Store) throws in
            try order(store, [(sku: "CAB-OAT-ONESIZE", quantity: 3)], price: 3900, number: 1)
            try order(store, [(sku: "CRE-NAV-S", quantity: 1), (sku: "CRE-NAV-M", quantity: 1)], price: 2900, number: 2)
            // Never paid: a bigger order that must not count.
            try order(store, [(sku: "NAV-NAV-S", quantity: 5)], price: 8900, paid: false)
            #expect(try handles(store) == ["cable-scarf", "creme-tee", "wrap-coat", "navy-jumper"])
        }
    }

    @Test func productsThatCannotBeBoughtNowComeLast() throws {
        try withCatalogue { (store: Store) throws in
            try order(store, [(sku: "CAB-OAT-ONESIZE", quantity: 1)], price: 3900)
            for variant in SearchTests.products[1].variants { try store.setStock(variant.sku, to: 0) }
            #expect(try handles(store) == ["cable-scarf", "navy-jumper", "creme-tee", "wrap-coat"])
        }
    }

    @Test func cardsArePricedAndAnUnpublishedProductIsNeverOffered() throws {
        try withCatalogue { (store: Store) throws in
            let published = Array(SearchTests.products.dropFirst())
            try store.syncCatalogue(published, categories: SearchTests.categories)
            try store.indexForSearch(published, categories: SearchTests.categories)
            let popular = try store.popularProducts(limit: 10)
            #expect(popular.map(\.handle) == ["wrap-coat", "creme-tee", "cable-scarf"])
            #expect(popular.first?.price == .euros(24900))
            #expect(popular.first?.image?.src == "/images/wrap-coat.svg")
        }
    }
}
