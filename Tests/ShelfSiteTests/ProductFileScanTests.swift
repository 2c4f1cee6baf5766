import Foundation
import Glibc
import ShelfStore
import Testing

@testable import ShelfSite

/// A plain build's scan of `content/products/`: every file stat'ed in the state table's order, the
/// folder's names listed only when its own stamp moved since they last matched the table's, and
/// every change a plain build caught before still caught when the listing is skipped.
@Suite struct ProductFileScanTests {

    private func products(_ store: FixtureStore) -> String { store.folder.contentFolder + "/products" }

    private func table(_ store: FixtureStore) throws -> FastPathTable {
        try #require(FastPathTable.open(store.folder.workFolder + "/fast-path"))
    }

    private func stamp(of folder: String) throws -> FolderStamp {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        return try #require(FolderStamp(descriptor: descriptor))
    }

    private func scan(_ store: FixtureStore, listedAt known: FolderStamp?) throws -> ProductFileScan {
        try #require(ProductFileScan.scan(products(store), against: try table(store), listedAt: known))
    }

    /// Every file of the site, by path.
    private func site(_ store: FixtureStore) throws -> [String: Data] {
        let root = store.folder.siteFolder
        return Dictionary(
            uniqueKeysWithValues: try Theme.files(under: root, extension: nil).map {
                ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)))
            })
    }

    /// Whether the site equals what a full build writes from the same inputs.
    private func matchesAFullBuild(_ store: FixtureStore) throws -> Bool {
        let built = try site(store)
        _ = try store.build(full: true)
        return try site(store) == built
    }

    /// Builds after a stock change until a fast build has listed the folder and noted its stamp
    /// (a listing is noted only once the folder's last change is a tenth of a second old).
    private func buildUntilTheFolderIsNoted(_ store: FixtureStore) throws -> FolderStamp {
        Thread.sleep(forTimeInterval: 0.2)
        try store.openStore().setStock("TEE-FOR-L", to: 19)
        #expect(try store.build().fastPath)
        let delta = try #require(FastPathDelta.load(from: store.folder.workFolder + "/fast-path-delta", following: try table(store)))
        let noted = try #require(delta.listedFolder)
        #expect(noted == (try stamp(of: products(store))))
        return noted
    }

    @Test func aFolderWithTheStampLastListedIsOnlyStatedAndAnEditInPlaceOfTheSameSizeIsFound() throws {
        let store = try FixtureStore.builtWithStock()
        let folder = try stamp(of: products(store))
        let first = try scan(store, listedAt: nil)
        #expect(first.listed && !first.unknown && first.differing.isEmpty && first.count == 4)
        #expect(first.folder == folder)

        try store.edit("content/products/wool-beanie.md", replacing: "A warm beanie", with: "A snug beanie")
        #expect(try stamp(of: products(store)) == folder)
        let second = try scan(store, listedAt: folder)
        #expect(!second.listed && !second.unknown && second.count == 4)
        #expect(Set(second.differing.keys) == ["wool-beanie.md"])
    }

    @Test(arguments: ["added", "removed", "renamed over", "renamed away"])
    func aChangeOfNamesMovesTheFolderStampSoTheFolderIsListedAgain(_ change: String) throws {
        let store = try FixtureStore.builtWithStock()
        let folder = try stamp(of: products(store))
        let path = products(store)
        switch change {
        case "added": try store.write("content/products/linen-scarf.md", try store.read("content/products/wool-beanie.md"))
        case "removed": try FileManager.default.removeItem(atPath: path + "/draft-jacket.md")
        case "renamed over":
            try store.write("content/products/.wool-beanie.md.tmp", try store.read("content/products/wool-beanie.md") + "\nMore.\n")
            #expect(rename(path + "/.wool-beanie.md.tmp", path + "/wool-beanie.md") == 0)
        default: #expect(rename(path + "/wool-beanie.md", path + "/wool-hat.md") == 0)
        }
        let scanned = try scan(store, listedAt: folder)
        #expect(scanned.listed)
        #expect(scanned.folder != folder)
        // A file replaced by a rename keeps its name: it is stat'ed as edited; any other change of names is unknown.
        #expect(scanned.unknown == (change != "renamed over"))
        if change == "renamed over" { #expect(Set(scanned.differing.keys) == ["wool-beanie.md"]) }
    }

    @Test func anotherFolderPutInPlaceOfTheProductsIsListedEvenWithTheSameTimes() throws {
        let store = try FixtureStore.builtWithStock()
        let path = products(store)
        let folder = try stamp(of: path)
        #expect(rename(path, path + "-old") == 0)
        try FileManager.default.copyItem(atPath: path + "-old", toPath: path)
        let old = timespec(tv_sec: Int(folder.modified / 1_000_000_000), tv_nsec: Int(folder.modified % 1_000_000_000))
        var times = [old, old]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        try FileManager.default.removeItem(atPath: path + "-old")
        let scanned = try scan(store, listedAt: folder)
        #expect(scanned.listed && scanned.folder != folder)
    }

    @Test func aNotedFolderSparesTheListingAndAPlainBuildStillCatchesEveryChange() throws {
        let store = try FixtureStore.builtWithStock()
        let noted = try buildUntilTheFolderIsNoted(store)
        #expect(try !scan(store, listedAt: noted).listed)

        // An edit in place, of the same size, leaves the folder alone and is still rendered.
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugal", with: "- Made in Portugul")
        let edited = try store.build()
        #expect(edited.fastPath)
        #expect(Set(edited.written.filter { !$0.hasSuffix(".gz") }) == ["products/organic-tee/index.html"])
        #expect(try store.read("site/products/organic-tee/index.html").contains("Portugul"))
        // The modification time going backwards is a change too.
        let tee = products(store) + "/organic-tee.md"
        var times = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugul", with: "- Made in Portugal")
        #expect(utimensat(AT_FDCWD, tee, &times, 0) == 0)
        #expect(try store.build().written.contains("products/organic-tee/index.html"))
        #expect(try matchesAFullBuild(store))

        // A new product file after the folder was noted takes the ordinary path.
        _ = try buildUntilTheFolderIsNoted(store)
        try store.write(
            "content/products/linen-scarf.md",
            try store.read("content/products/wool-beanie.md")
                .replacingOccurrences(of: "BEANIE-ONE", with: "SCARF-ONE").replacingOccurrences(of: "Wool Beanie", with: "Linen Scarf"))
        let added = try store.build()
        #expect(!added.fastPath)
        #expect(added.written.contains("products/linen-scarf/index.html"))

        // So does a deleted one.
        _ = try buildUntilTheFolderIsNoted(store)
        try FileManager.default.removeItem(atPath: products(store) + "/linen-scarf.md")
        let removed = try store.build()
        #expect(!removed.fastPath)
        #expect(!FileManager.default.fileExists(atPath: store.folder.siteFolder + "/products/linen-scarf/index.html"))
        #expect(try matchesAFullBuild(store))
    }

    @Test func aFolderChangedMomentsAgoIsNotSettledWholeSecondsNeedSeconds() {
        let now: Int64 = 1_800_000_000_123_456_789
        let fine = { (age: Int64) in FolderStamp(device: 1, inode: 2, modified: now - age, changed: now - age) }
        #expect(!fine(50_000_000).isSettled(at: now))
        #expect(fine(500_000_000).isSettled(at: now))
        let whole = { (age: Int64) in
            FolderStamp(
                device: 1, inode: 2, modified: (now - age) / 1_000_000_000 * 1_000_000_000,
                changed: (now - age) / 1_000_000_000 * 1_000_000_000)
        }
        #expect(!whole(1_500_000_000).isSettled(at: now))
        #expect(whole(5_000_000_000).isSettled(at: now))
    }

    @Test func theNameDigestIgnoresOrderAndTellsASwappedName() {
        func digest(_ names: [String]) -> NameSetDigest {
            var digest = NameSetDigest()
            for name in names { name.utf8CString.withUnsafeBytes { digest.insert(UnsafeRawBufferPointer(rebasing: $0.dropLast())) } }
            return digest
        }
        let names = (0..<500).map { "product-\($0).md" }
        #expect(digest(names) == digest(names.reversed()))
        #expect(digest(names).count == 500)
        #expect(digest(names) != digest(Array(names.dropLast()) + ["product-500.md"]))
        #expect(digest(names) != digest(Array(names.dropLast())))
        var halves = digest(Array(names.prefix(200)))
        halves.merge(digest(Array(names.dropFirst(200))))
        #expect(halves == digest(names))
    }
}
