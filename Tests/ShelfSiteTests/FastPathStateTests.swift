import Foundation
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfSite

/// The fast path's state is a sorted table read in place; a state it cannot trust (another
/// version, cut short, damaged, a delta of another state) sends the build down the ordinary path,
/// never to a wrong site, and what the fast path writes equals what a full build writes.
@Suite struct FastPathStateTests {
    /// The fixture with its stock imported and approved reviews of the tee and the crew, built.
    private func builtStore() throws -> FixtureStore {
        let store = try FixtureStore()
        _ = try store.build()
        let database = try store.openStore()
        _ = try database.importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        for (index, (sku, rating, price)) in [
            ("TEE-FOR-M", 5, Int64(2900)), ("CREW-CHA-S", 4, Int64(8900)), ("CREW-CHA-M", 3, Int64(8900)),
        ].enumerated() {
            _ = try database.addSampleReview(
                sku: sku, rating: rating, title: "Review \(index)", body: "Soft.", fit: .trueToSize, name: "Ada L.", status: .approved,
                price: price, at: 1_790_000_000 + Int64(index) * 86_400)
        }
        _ = try store.build()
        return store
    }

    private var statePath: (FixtureStore) -> String { { $0.folder.workFolder + "/fast-path" } }

    /// Every file of the site, by path.
    private func site(_ store: FixtureStore) throws -> [String: Data] {
        let root = store.folder.siteFolder
        return Dictionary(
            uniqueKeysWithValues: try Theme.files(under: root, extension: nil).map {
                ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)))
            })
    }

    /// Builds after a stock change that shows on the tee's page; the site must then equal a full
    /// build's. Answers whether the fast path took it.
    private func buildAfterAStockChange(_ store: FixtureStore) throws -> Bool {
        try store.openStore().setStock("TEE-FOR-L", to: 1)
        let summary = try store.build()
        #expect(try store.read("site/products/organic-tee/index.html").contains("Only 1 left"))
        let built = try site(store)
        _ = try store.build(full: true)
        #expect(try site(store) == built)
        return summary.fastPath
    }

    @Test func aFastPageShowsItsOwnReviewsAndItsRelatedCardsStarsAsAFullBuildDoes() throws {
        let store = try builtStore()
        #expect(try buildAfterAStockChange(store))
        let page = try store.read("site/products/organic-tee/index.html")
        #expect(page.contains("aggregateRating"))
        #expect(page.contains("card__rating"))
    }

    @Test func reviewsAreReadForTheProductsAskedOnly() throws {
        let store = try builtStore()
        let reviews = try SiteReviews.read(try store.openStore(), perProduct: 3, of: ["organic-tee"])
        #expect(Set(reviews.summaries.keys) == ["organic-tee"])
        #expect(reviews.newest["organic-tee"]?.map(\.title) == ["Review 0"])
        let all = try SiteReviews.read(try store.openStore(), perProduct: 3)
        #expect(reviews.summaries["organic-tee"] == all.summaries["organic-tee"])
        #expect(reviews.version == all.version)
    }

    @Test func aStateFromAnOlderVersionTakesTheOrdinaryPathAndIsWrittenAnew() throws {
        let store = try builtStore()
        var older = BinaryWriter()
        older.uint32(3)
        older.uint64(0)
        try older.replace(statePath(store))
        #expect(try !buildAfterAStockChange(store))
        try store.openStore().setStock("TEE-FOR-L", to: 2)
        #expect(try store.build().fastPath)
    }

    @Test(arguments: [0.5, 0.99])
    func aStateCutShortTakesTheOrdinaryPath(_ kept: Double) throws {
        let store = try builtStore()
        let whole = try Data(contentsOf: URL(fileURLWithPath: statePath(store)))
        try whole.prefix(Int(Double(whole.count) * kept)).write(to: URL(fileURLWithPath: statePath(store)))
        #expect(try !buildAfterAStockChange(store))
    }

    @Test func aProductRecordPointingOutsideTheStateTakesTheOrdinaryPath() throws {
        let store = try builtStore()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: statePath(store))))
        let products = Int(bytes[48]) | Int(bytes[49]) << 8
        let count = Int(bytes[40])
        // The middle record, which every search passes: its name's offset far past the end.
        let record = products + (count / 2) * FastPathTable.productSize
        bytes.replaceSubrange(record..<record + 4, with: [0xff, 0xff, 0xff, 0x7f])
        try Data(bytes).write(to: URL(fileURLWithPath: statePath(store)))
        #expect(try !buildAfterAStockChange(store))
    }

    @Test func aDeltaOfAnotherStateTakesTheOrdinaryPath() throws {
        let store = try builtStore()
        try store.openStore().setStock("TEE-FOR-L", to: 19)
        #expect(try store.build().fastPath)
        let delta = statePath(store) + "-delta"
        #expect(FileManager.default.fileExists(atPath: delta))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: delta)))
        bytes[4] ^= 0xff  // the identity of the whole state it follows
        try Data(bytes).write(to: URL(fileURLWithPath: delta))
        #expect(try !buildAfterAStockChange(store))
    }

    @Test func aNewProductFileTakesTheOrdinaryPath() throws {
        let store = try builtStore()
        try store.write(
            "content/products/linen-scarf.md",
            try store.read("content/products/wool-beanie.md")
                .replacingOccurrences(of: "BEANIE-ONE", with: "SCARF-ONE").replacingOccurrences(of: "Wool Beanie", with: "Linen Scarf"))
        let summary = try store.build()
        #expect(!summary.fastPath)
        #expect(summary.written.contains("products/linen-scarf/index.html"))
    }

    @Test func editsAcrossSeveralFastBuildsAreEachRenderedOnceAndMatchAFullBuild() throws {
        let store = try builtStore()
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugal", with: "- Made in Porto, Portugal")
        #expect(Set(try store.build().written.filter { !$0.hasSuffix(".gz") }) == ["products/organic-tee/index.html"])
        try store.edit(
            "content/products/merino-crew.md", replacing: "knitted to last for years.",
            with: "knitted to last for years.\n\nA second paragraph.")
        let second = try store.build()
        #expect(second.fastPath)
        #expect(Set(second.written.filter { !$0.hasSuffix(".gz") }) == ["products/merino-crew/index.html"])
        #expect(try store.build().written.isEmpty)
        #expect(try buildAfterAStockChange(store))
        #expect(try store.read("site/products/organic-tee/index.html").contains("Porto"))
    }

    @Test func theTableFindsEveryRecordByNameHandleAndPath() throws {
        var state = FastPathState()
        state.global = 7
        state.year = "2026"
        state.usedCategories = ["tops"]
        for index in 0..<300 {
            state.products["content/products/p\(index).md"] = FastPathState.Entry(
                handle: "handle-\(299 - index)", stamp: index == 5 ? nil : FileStamp(size: Int64(index), modified: Int64(index) * 1000),
                signature: UInt64(index), soldOut: index % 2 == 0, related: index == 3 ? ["handle-1", "handle-2"] : [])
            state.pageFingerprints["products/handle-\(299 - index)/index.html"] = UInt64(index) + 1
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fast-path-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try state.save(to: folder + "/fast-path")
        let table = try #require(FastPathTable.open(folder + "/fast-path"))
        #expect(table.productCount == 300 && table.global == 7 && table.year == "2026" && table.usedCategories == ["tops"])
        for index in 0..<300 {
            let record = try #require(table.index(ofName: "p\(index).md"))
            #expect(table.index(ofHandle: "handle-\(299 - index)") == record)
            let product = try #require(table.product(at: record))
            #expect(product.handle == "handle-\(299 - index)" && product.signature == UInt64(index) && product.soldOut == (index % 2 == 0))
            #expect(product.stamp == (index == 5 ? nil : FileStamp(size: Int64(index), modified: Int64(index) * 1000)))
            #expect(product.related == (index == 3 ? ["handle-1", "handle-2"] : []))
            #expect(table.pageFingerprint("products/handle-\(299 - index)/index.html") == UInt64(index) + 1)
        }
        #expect(table.index(ofName: "p300.md") == nil && table.index(ofName: "") == nil && table.index(ofHandle: "handle-300") == nil)
        #expect(table.pageFingerprint("products/other/index.html") == nil)
    }
}
