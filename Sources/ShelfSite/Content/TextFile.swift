import Foundation
import ShelfConfig

/// Reads a merchant's text file, refusing what is not UTF-8 with the line of the first bad byte.
enum TextFile {
    static func read(_ path: String, relative: String) throws(SiteError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SiteError(relative, "cannot be read; check that it exists and that you may read it")
        }
        if let text = String(validating: data, as: UTF8.self) {
            return text
        }
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(validating: data[start..<index], as: UTF8.self) == nil { break }
            line += 1
            start = index + 1
        }
        throw SiteError(relative, line: line, "is not UTF-8 text; save the file as UTF-8")
    }

    /// The sorted names of the files in `folder` with the extension, or none when it is missing.
    static func list(_ folder: String, extension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted()
    }
}
