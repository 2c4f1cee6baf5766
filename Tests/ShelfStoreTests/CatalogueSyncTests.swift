import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct CatalogueSyncTests {
    let categories: [ShelfCore.Category] = [.sample("shirts"), .sample("sale")]

    @Test func syncAddsProductsWithEmptyStock() throws {
        try withTemporaryStore { store in
            let sync = try store.syncCatalogue([.sample("tee"), .sample("hoodie")], categories: categories)
            #expect(sync == CatalogueSync(added: 2))
            #expect(try store.allStockLevels() == ["TEE-S": 0, "TEE-M": 0, "TEE-L": 0, "HOODIE-S": 0, "HOODIE-M": 0, "HOODIE-L": 0])
        }
    }

    @Test func resyncOfTheSameCatalogueChangesNothing() throws {
        try withTemporaryStore { store in
            let products: [Product] = [.sample("tee", categories: ["shirts"]), .sample("hoodie")]
            try store.syncCatalogue(products, categories: categories)
            let version = try store.stockVersion()
            #expect(try store.syncCatalogue(products, categories: categories) == CatalogueSync())
            #expect(try store.stockVersion() == version)
        }
    }

    @Test func priceChangeIsAnUpdate() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", price: 2500)], categories: categories)
            #expect(try store.syncCatalogue([.sample("tee", price: 1990)], categories: categories) == CatalogueSync(updated: 1))
            let prices = try store.database.query("SELECT price_minor FROM variants WHERE product_handle = ?", [.text("tee")])
            #expect(try prices.map { try $0.int64("price_minor") } == [1990, 1990, 1990])
        }
    }

    @Test func categoriesAreStoredInOrderWithTheMainOneFirst() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", categories: ["sale", "shirts"])], categories: categories)
            let product = try #require(
                try store.database.query("SELECT main_category FROM products WHERE handle = ?", [.text("tee")]).first)
            #expect(try product.text("main_category") == "sale")
            let links = try store.database.query(
                "SELECT category_handle FROM product_categories WHERE product_handle = ? ORDER BY position", [.text("tee")])
            #expect(try links.map { try $0.text("category_handle") } == ["sale", "shirts"])
        }
    }

    @Test func removedProductIsUnpublishedNotDeleted() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"]), .sample("hoodie", skus: ["HOODIE-M"])], categories: [])
            try store.setStock("HOODIE-M", to: 4)
            let sync = try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            #expect(sync == CatalogueSync(unpublished: 1))
            let hoodie = try #require(try store.stockList().first { $0.sku == "HOODIE-M" })
            #expect(hoodie == StockRow(sku: "HOODIE-M", productHandle: "hoodie", onHand: 4, isPublished: false, isActive: false))
        }
    }

    @Test func returningProductIsPublishedAgain() throws {
        try withTemporaryStore { store in
            let hoodie = Product.sample("hoodie", skus: ["HOODIE-M"])
            try store.syncCatalogue([hoodie], categories: [])
            try store.syncCatalogue([], categories: [])
            #expect(try store.syncCatalogue([hoodie], categories: []) == CatalogueSync(updated: 1))
            #expect(
                try store.stockList() == [StockRow(sku: "HOODIE-M", productHandle: "hoodie", onHand: 0, isPublished: true, isActive: true)])
        }
    }

    @Test func removedVariantBecomesInactive() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-S", "TEE-M"])], categories: [])
            #expect(try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.stockList().map { "\($0.sku) \($0.isActive)" } == ["TEE-M true", "TEE-S false"])
        }
    }

    @Test func draftProductIsStoredUnpublished() throws {
        try withTemporaryStore { store in
            let sync = try store.syncCatalogue([.sample("tee", skus: ["TEE-M"], published: false)], categories: [])
            #expect(sync == CatalogueSync(added: 1))
            #expect(try store.stockList().map(\.isPublished) == [false])
        }
    }

    @Test func variantMovedToAnotherProductStaysActive() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["SHARED", "TEE-M"])], categories: [])
            let sync = try store.syncCatalogue(
                [.sample("tee", skus: ["TEE-M"]), .sample("hoodie", skus: ["SHARED"])], categories: [])
            #expect(sync == CatalogueSync(added: 1, updated: 1))
            #expect(
                try store.stockList().map { "\($0.productHandle) \($0.sku) \($0.isActive)" } == ["hoodie SHARED true", "tee TEE-M true"])
        }
    }

    @Test func syncInSlicesComparesWithWhatTheDatabaseHeldBefore() throws {
        try withTemporaryStore { store in
            let before: [Product] = [
                .sample("cap", skus: ["CAP"]), .sample("hoodie", skus: ["HOODIE-M"]), .sample("tee", skus: ["SHARED", "TEE-M"]),
                .sample("visor", skus: ["VISOR"]),
            ]
            try store.syncCatalogue(before, categories: [], at: Date(), slice: 1)
            // The hoodie, in the first slice, takes a SKU of the tee, in the second; the tee takes
            // the SKU of the cap, which is gone like the visor.
            let after: [Product] = [.sample("hoodie", skus: ["HOODIE-M", "SHARED"]), .sample("tee", skus: ["TEE-M", "CAP"])]
            let sync = try store.syncCatalogue(after, categories: [], at: Date(), slice: 1)
            #expect(sync == CatalogueSync(updated: 2, unpublished: 2))
            #expect(
                try store.stockList().map { "\($0.productHandle) \($0.sku) \($0.isActive) \($0.isPublished)" }.sorted() == [
                    "hoodie HOODIE-M true true", "hoodie SHARED true true", "tee CAP true true", "tee TEE-M true true",
                    "visor VISOR false false",
                ])
            #expect(try store.syncCatalogue(after, categories: [], at: Date(), slice: 1) == CatalogueSync())
        }
    }

    @Test func syncIsOneTransaction() throws {
        try withTemporaryStore { store in
            // The second product breaks the price CHECK after the first one has been written.
            let products: [Product] = [.sample("tee"), .sample("hoodie", price: -100)]
            #expect(throws: DatabaseError.self) {
                try store.syncCatalogue(products, categories: categories)
            }
            let rowCounts = try ["categories", "products", "variants", "stock"].map { table in
                try store.database.query("SELECT * FROM \(table)").count
            }
            #expect(rowCounts == [0, 0, 0, 0])
        }
    }

    @Test func duplicateSKUIsRefusedBeforeWriting() throws {
        try withTemporaryStore { store in
            let error = #expect(throws: StoreError.self) {
                try store.syncCatalogue([.sample("tee", skus: ["X-1"]), .sample("hoodie", skus: ["X-1"])], categories: [])
            }
            #expect(error == .duplicateSKU("X-1", products: ["tee", "hoodie"]))
            #expect(error?.description == "SKU \"X-1\" is used more than once (by \"tee\" and \"hoodie\"); every variant needs its own SKU")
            let levels = try store.allStockLevels()
            #expect(levels.isEmpty)
        }
    }

    @Test func duplicateHandleIsRefused() throws {
        try withTemporaryStore { store in
            #expect(throws: StoreError.duplicateProduct("tee")) {
                try store.syncCatalogue([.sample("tee", skus: ["A"]), .sample("tee", skus: ["B"])], categories: [])
            }
        }
    }

    @Test func undeclaredCategoryIsNamed() throws {
        try withTemporaryStore { store in
            let error = #expect(throws: StoreError.self) {
                try store.syncCatalogue([.sample("tee", categories: ["shirts", "hats"])], categories: categories)
            }
            #expect(error == .unknownCategory("hats", product: "tee"))
            #expect(error?.description.contains("\"hats\", which is not declared") == true)
        }
    }

    @Test func syncRecordsWhenAProductChanged() throws {
        try withTemporaryStore { store in
            let first = Date(timeIntervalSince1970: 1_700_000_000)
            try store.syncCatalogue([.sample("tee")], categories: [], at: first)
            try store.syncCatalogue([.sample("tee")], categories: [], at: first.addingTimeInterval(60))
            let row = try #require(try store.database.query("SELECT updated_at FROM products").first)
            #expect(try row.text("updated_at") == "2023-11-14T22:13:20Z")
        }
    }

    @Test func syncStoresWhatACartShows() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sampleInColours("tee")], categories: [])
            let variant = try #require(try store.sellableVariant(sku: "TEE-SAND-M"))
            #expect(variant.productTitle == "Tee")
            #expect(variant.options == [VariantOption(name: "Colour", value: "Sand"), VariantOption(name: "Size", value: "M")])
            #expect(variant.image == SellableVariant.Image(src: "images/tee-sand.jpg", alt: "Tee in Sand"))
        }
    }

    @Test func resyncOfColoursAndPicturesChangesNothing() throws {
        try withTemporaryStore { store in
            let products: [Product] = [.sampleInColours("tee"), .sample("hoodie")]
            let first = Date(timeIntervalSince1970: 1_700_000_000)
            try store.syncCatalogue(products, categories: [], at: first)
            #expect(try store.syncCatalogue(products, categories: [], at: first.addingTimeInterval(60)) == CatalogueSync())
            let dates = try store.database.query("SELECT DISTINCT updated_at FROM products").map { try $0.text("updated_at") }
            #expect(dates == ["2023-11-14T22:13:20Z"])
        }
    }

    @Test func titleChangeIsAnUpdate() throws {
        try withTemporaryStore { store in
            var tee = Product.sampleInColours("tee")
            try store.syncCatalogue([tee], categories: [])
            tee.title = "Organic tee"
            #expect(try store.syncCatalogue([tee], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.sellableVariant(sku: "TEE-FOREST-S")?.productTitle == "Organic tee")
        }
    }

    @Test func pictureChangeIsAnUpdate() throws {
        try withTemporaryStore { store in
            var tee = Product.sampleInColours("tee")
            try store.syncCatalogue([tee], categories: [])
            tee.images[2].alt = "A sand-coloured tee"
            #expect(try store.syncCatalogue([tee], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.sellableVariant(sku: "TEE-SAND-S")?.image?.alt == "A sand-coloured tee")
            tee.images = []
            #expect(try store.syncCatalogue([tee], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.sellableVariant(sku: "TEE-SAND-S")?.image == nil)
        }
    }

    @Test func optionValueChangeIsAnUpdate() throws {
        try withTemporaryStore { store in
            var tee = Product.sampleInColours("tee", colours: ["Forest"], sizes: ["M"])
            try store.syncCatalogue([tee], categories: [])
            tee.options[0] = ProductOption(name: "Colour", values: [OptionValue("Moss")])
            tee.variants[0].optionValues = ["Moss", "M"]
            #expect(try store.syncCatalogue([tee], categories: []) == CatalogueSync(updated: 1))
            let variant = try #require(try store.sellableVariant(sku: "TEE-FOREST-M"))
            #expect(variant.options == [VariantOption(name: "Colour", value: "Moss"), VariantOption(name: "Size", value: "M")])
            // The Forest picture no longer matches, so the general one shows.
            #expect(variant.image?.src == "images/tee.jpg")
        }
    }
}
