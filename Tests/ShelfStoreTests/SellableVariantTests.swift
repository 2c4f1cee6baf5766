import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct SellableVariantTests {
    @Test func variantCarriesPricesStockAndWhatTheCartShows() throws {
        try withTemporaryStore { store in
            var tee = Product.sampleInColours("tee")
            tee.variants[0].compareAtPrice = .euros(3000)
            try store.syncCatalogue([tee], categories: [])
            try store.setStock("TEE-FOREST-S", to: 4)
            let variant = try store.sellableVariant(sku: "TEE-FOREST-S")
            #expect(
                variant
                    == SellableVariant(
                        sku: "TEE-FOREST-S", productHandle: "tee", productTitle: "Tee",
                        options: [VariantOption(name: "Colour", value: "Forest"), VariantOption(name: "Size", value: "S")],
                        price: .euros(2500), compareAtPrice: .euros(3000),
                        image: SellableVariant.Image(src: "images/tee-forest.jpg", alt: "Tee in Forest"), isPublished: true, onHand: 4))
            #expect(variant?.available == 4)
        }
    }

    @Test func severalVariantsComeByTheirSKUAndUnknownOnesAreLeftOut() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sampleInColours("tee"), .sample("mug", skus: ["MUG"])], categories: [])
            let variants = try store.sellableVariants(skus: ["TEE-SAND-S", "MUG", "NOPE", "TEE-SAND-S"])
            #expect(variants.keys.sorted() == ["MUG", "TEE-SAND-S"])
            #expect(variants["TEE-SAND-S"]?.options.map(\.value) == ["Sand", "S"])
            #expect(variants["MUG"]?.options == [VariantOption(name: "Size", value: "MUG")])
            #expect(variants["MUG"]?.image == nil)
            #expect(try store.sellableVariants(skus: []).isEmpty)
        }
    }

    @Test func unpublishedProductsAndRemovedVariantsAreNotForSale() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(
                [.sample("tee", skus: ["TEE-S", "TEE-M"]), .sample("draft", skus: ["DRAFT-M"], published: false)], categories: [])
            try store.syncCatalogue(
                [.sample("tee", skus: ["TEE-M"]), .sample("draft", skus: ["DRAFT-M"], published: false)], categories: [])
            let variants = try store.sellableVariants(skus: ["TEE-S", "TEE-M", "DRAFT-M"])
            #expect(variants.mapValues(\.isPublished) == ["TEE-S": false, "TEE-M": true, "DRAFT-M": false])
        }
    }
}
