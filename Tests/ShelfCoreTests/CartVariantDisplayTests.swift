import ShelfCore
import ShelfTesting
import Testing

/// What a cart shows of a variant: its options by name and the picture that matches it.
@Suite struct CartVariantDisplayTests {
    let tee = Product(
        handle: "tee", title: "Tee",
        options: [
            ProductOption(name: "Colour", values: [OptionValue("Forest"), OptionValue("Sand")]),
            ProductOption(name: "Size", values: [OptionValue("M")]),
        ],
        variants: [
            Variant(sku: "TEE-FOREST-M", optionValues: ["Forest", "M"], price: .euros(2500)),
            Variant(sku: "TEE-SAND-M", optionValues: ["Sand", "M"], price: .euros(2500)),
        ],
        images: [
            ProductImage(src: "tee.jpg", alt: "A tee"),
            ProductImage(src: "tee-sand.jpg", alt: "The sand tee", optionValue: "Sand"),
        ])

    @Test func optionsPairNamesWithTheVariantsValuesInOrder() {
        #expect(
            tee.options(of: tee.variants[0]) == [VariantOption(name: "Colour", value: "Forest"), VariantOption(name: "Size", value: "M")])
    }

    @Test func imageIsTheFirstShowingOneOfTheVariantsValues() {
        #expect(tee.image(of: tee.variants[1]) == ProductImage(src: "tee-sand.jpg", alt: "The sand tee", optionValue: "Sand"))
    }

    @Test func imageFallsBackToTheProductsFirst() {
        #expect(tee.image(of: tee.variants[0])?.src == "tee.jpg")
    }

    @Test func productWithoutImagesHasNoVariantImage() {
        var bare = tee
        bare.images = []
        #expect(bare.image(of: bare.variants[0]) == nil)
    }
}
