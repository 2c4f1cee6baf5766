import Foundation
import ShelfSite
import ShelfStore
import Testing

/// `shelf build` keeps the search index in step with the content: what a product file says is
/// what the search function finds, on the ordinary path and on the fast path alike.
struct SearchIndexBuildTests {
    func titles(_ store: FixtureStore, _ text: String) throws -> [String] {
        try store.openStore().search(SearchQuery(text: text)).products.map(\.title)
    }

    @Test func theBuildIndexesEveryPublishedProduct() throws {
        let store = try FixtureStore()
        _ = try store.build()
        #expect(try titles(store, "organic tee") == ["Organic Tee"])
        #expect(try titles(store, "evergreen").contains("Organic Tee"))
        #expect(try titles(store, "draft").isEmpty, "an unpublished product is not found")
    }

    @Test func anEditedDescriptionIsFoundAfterTheFastPath() throws {
        let store = try FixtureStore()
        _ = try store.build()
        #expect(try titles(store, "seaweed").isEmpty)
        let file = "content/products/organic-tee.md"
        try store.write(file, try store.read(file) + "\nDyed with seaweed.\n")
        let summary = try store.build()
        #expect(summary.fastPath)
        #expect(try titles(store, "seaweed") == ["Organic Tee"])
    }

    @Test func aRetitledProductIsFoundByItsNewTitleOnly() throws {
        let store = try FixtureStore()
        _ = try store.build()
        try store.edit("content/products/wool-beanie.md", replacing: "title: ", with: "title: Fisherman ")
        _ = try store.build()
        #expect(try titles(store, "fisherman").count == 1)
        try store.edit("content/products/wool-beanie.md", replacing: "title: Fisherman ", with: "title: ")
        _ = try store.build()
        #expect(try titles(store, "fisherman").isEmpty)
    }

    @Test func aDeletedProductFileLeavesTheIndex() throws {
        let store = try FixtureStore()
        _ = try store.build()
        #expect(try titles(store, "organic tee") == ["Organic Tee"])
        try FileManager.default.removeItem(atPath: store.root + "/content/products/organic-tee.md")
        _ = try store.build()
        #expect(try titles(store, "organic tee").isEmpty)
    }
}
