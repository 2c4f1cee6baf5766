import Foundation
import ShelfSite

/// Prints each broken link of a content file as a warning on stderr: `content/x.md:3: links to …`.
func warn(about brokenLinks: [LinkChecker.BrokenLink]) {
    for link in brokenLinks {
        FileHandle.standardError.write(Data("warning: \(link)\n".utf8))
    }
}
