import ShelfCore
import ShelfTesting
import Testing

/// Which products the review form asks how they fit: sized ones by default, else the store's
/// apparel categories whatever the options.
struct FitQuestionTests {
    private func product(options: [String], categories: [String]) -> Product {
        Product(
            handle: "item", title: "Item", categories: categories,
            options: options.map { ProductOption(name: $0, values: [OptionValue("A")]) },
            variants: [Variant(sku: "ITEM", optionValues: options.map { _ in "A" }, price: .euros(1000))])
    }

    @Test func byDefaultAProductWithASizeOptionInAnyCaseIsAsked() {
        #expect(FitQuestion.sizedProducts.asks(product(options: ["Colour", "SIZE"], categories: [])))
        #expect(!FitQuestion.sizedProducts.asks(product(options: ["Colour"], categories: ["women"])))
    }

    @Test func fitCategoriesDecideWhateverTheOptions() {
        let apparel = FitQuestion.categories(["women", "men"])
        #expect(apparel.asks(product(options: ["Colour"], categories: ["accessories", "men"])))
        #expect(!apparel.asks(product(options: ["Size"], categories: ["accessories"])))
        #expect(!FitQuestion.categories([]).asks(product(options: ["Size"], categories: ["women"])))
    }
}
