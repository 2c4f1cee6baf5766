import Foundation
import Testing

@testable import ShelfSite

/// The `.gz` copies: what `gzip -d` (as a browser's inflater) reads back is the page itself.
struct GzipTests {
    /// `gzip -dc` of `bytes`, through a file, as a web server hands the copy over.
    func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-gzip-\(UUID().uuidString).gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(output)
    }

    @Test func aPageInflatesToItselfAndIsSmaller() throws {
        let page = Array(
            String(repeating: "<li class=\"card\"><a href=\"/products/tee/\">Organic Tee — Forest</a></li>\n", count: 500).utf8)
        let compressed = Gzip.compress(page)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        #expect(compressed.count < page.count / 10)
        #expect(try gunzip(compressed) == page)
    }

    @Test func anEmptyFileInflatesToNothing() throws {
        let compressed = Gzip.compress([])
        #expect(!compressed.isEmpty)
        #expect(try gunzip(compressed) == [])
    }

    @Test func theSameInputGivesTheSameBytesFromManyThreads() async throws {
        let page = Array((0..<20_000).map { "line \($0) of a page\n" }.joined().utf8)
        let first = Gzip.compress(page)
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { Gzip.compress(page) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == first })
        #expect(try gunzip(first) == page)
    }
}
