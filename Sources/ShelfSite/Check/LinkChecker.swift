import Foundation
import ShelfConfig
import ShelfCore

/// Finds internal links that lead nowhere: in the Markdown a merchant wrote, named by file and
/// line, and in the pages of a built site, named by page.
public enum LinkChecker {
    /// One link that does not resolve: where it is written and where it points.
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        /// The content file (`content/pages/faq.md`), or the built page (`site/faq/index.html`)
        /// for a link that comes from a template.
        public var file: String
        public var line: Int?
        public var target: String
        public var description: String {
            "\(file)\(line.map { ":\($0)" } ?? ""): links to \(target), which the site does not have"
        }
    }

    /// Checks the links of every published product description and every page, story and
    /// campaign body against the paths a build writes (`faq/index.html`).
    static func check(_ content: StoreContent, folder: StoreFolder, sitePaths: Set<String>) -> [BrokenLink] {
        let products = content.publishedProducts.compactMap { product in
            content.productFiles[product.handle].map { (file: $0, html: product.descriptionHTML) }
        }
        let documents = (content.pages + content.stories + content.campaigns).map { (file: $0.file, html: $0.bodyHTML) }
        return check(sources: products + documents, folder: folder, sitePaths: sitePaths)
    }

    /// Checks the links in the rendered Markdown of content files; a broken one is located by
    /// finding its target in the file's text, which is read only then.
    static func check(sources: [(file: String, html: String)], folder: StoreFolder, sitePaths: Set<String>) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        for source in sources.sorted(by: { $0.file < $1.file }) {
            let targets = links(in: source.html).filter { !resolves($0) { sitePaths.contains($0) } }
            guard !targets.isEmpty else { continue }
            let lines =
                (try? TextFile.read(folder.root + "/" + source.file, relative: source.file))?
                .split(separator: "\n", omittingEmptySubsequences: false) ?? []
            var seen: Set<String> = []
            for target in targets where seen.insert(target).inserted {
                let found = lines.indices.filter { lines[$0].contains(target) }.map { $0 + 1 }
                for line in found.isEmpty ? [Int?.none] : found.map(Optional.some) {
                    broken.append(BrokenLink(file: source.file, line: line, target: target))
                }
            }
        }
        return broken
    }

    /// Checks every `href`, `src` and `action` of every HTML file under `site` that points inside
    /// the site.
    public static func check(site: String) -> [BrokenLink] {
        let pages = Theme.files(under: site, extension: "html")
        let results: [[BrokenLink]] = pages.parallelMap { page in
            guard let data = FileManager.default.contents(atPath: site + "/" + page),
                let html = String(data: data, encoding: .utf8)
            else { return [] }
            return links(in: html).compactMap { link in
                resolves(link) { FileManager.default.fileExists(atPath: site + "/" + $0) }
                    ? nil
                    : BrokenLink(file: "site/" + page, target: link)
            }
        }
        return results.flatMap { $0 }
    }

    /// The site-internal link targets of a page: each `href`, `src` and `action` value that starts
    /// with one `/`, in order. Scans bytes: the build runs it over every product description.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        var html = html
        html.withUTF8 { bytes in
            let (quote, slash, equals) = (UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "="))
            var index = 0
            while index + 3 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == equals, bytes[index + 1] == quote, bytes[index + 2] == slash, bytes[index + 3] != slash,
                    attributes.contains(where: { LinkChecker.bytes(bytes, endingAt: index, are: $0) })
                else { continue }
                let start = index + 2
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                guard end < bytes.count else { break }
                found.append(String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"))
                index = end
            }
        }
        return found
    }

    /// The attributes that hold links, each with the space before it.
    private static let attributes = [" href", " src", " action"].map { Array($0.utf8) }

    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, are expected: [UInt8]) -> Bool {
        end >= expected.count && zip(bytes[(end - expected.count)..<end], expected).allSatisfy { $0 == $1 }
    }

    /// True when a link names a file the site has (`exists` is asked about `faq/index.html`), or
    /// one of the store's functions: `/fn/search` leads nowhere until a search function exists.
    static func resolves(_ link: String, exists: (String) -> Bool) -> Bool {
        var path = String(link.prefix { $0 != "?" && $0 != "#" })
        path = path.removingPercentEncoding ?? path
        if path == "/fn" || path.hasPrefix("/fn/") {
            let name = path.dropFirst(4).prefix { $0 != "/" && $0 != "." }
            return FunctionNames.all.contains(String(name))
        }
        let file = String(path.dropFirst())
        if file.isEmpty || file.hasSuffix("/") { return exists(file + "index.html") }
        return exists(file) || exists(file + "/index.html")
    }
}
