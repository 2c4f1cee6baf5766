import Foundation
import Testing

@testable import ShelfSite

/// A full build that replaces the site leaves the old one to a background removal, which
/// finishes on its own; a removal cut short is finished by a later build that writes.
@Suite struct RetiredSiteTests {
    /// The retired folders in the store's work folder.
    private func retired(_ store: FixtureStore) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: store.folder.workFolder)) ?? []
        return names.filter { $0.contains(RetiredSite.marker) }
    }

    /// Waits (up to a minute, checking every 50 ms) until `done` holds.
    private func eventually(_ done: () -> Bool) async throws -> Bool {
        for _ in 0..<1_200 {
            if done() { return true }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return done()
    }

    @Test func aFullBuildPublishesTheNewSiteAndTheOldOneIsRemovedInTheBackground() async throws {
        let store = try FixtureStore()
        _ = try store.build()
        let marker = store.folder.siteFolder + "/left-by-the-old-site.txt"
        try Data("old".utf8).write(to: URL(fileURLWithPath: marker))
        _ = try store.build(full: true)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(FileManager.default.fileExists(atPath: store.folder.siteFolder + "/index.html"))
        #expect(try await eventually { retired(store).isEmpty }, "still there: \(retired(store))")
    }

    @Test func aRemovalCutShortIsFinishedByTheNextBuild() async throws {
        let store = try FixtureStore()
        _ = try store.build()
        let leftover = store.folder.workFolder + "/staging\(RetiredSite.marker)1-1"
        try FileManager.default.createDirectory(atPath: leftover + "/products/tee", withIntermediateDirectories: true)
        try Data("<p>old</p>".utf8).write(to: URL(fileURLWithPath: leftover + "/products/tee/index.html"))
        let anHourAgo = Date().addingTimeInterval(-3_600)
        try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: leftover)
        _ = try store.build(full: true)
        #expect(try await eventually { !FileManager.default.fileExists(atPath: leftover) })
    }

    @Test func aFolderStillBeingRemovedIsLeftToItsRemoval() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let busy = store.folder.workFolder + "/staging\(RetiredSite.marker)2-2"
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: true)
        RetiredSite.sweep(beside: store.folder.workFolder + "/staging")
        #expect(FileManager.default.fileExists(atPath: busy))
    }
}
