import Glibc

/// A page's path as the analytics keep it: no query string or fragment (they may carry an
/// email address or a token), no segment that looks like an email address, and only a path
/// that is a page of the built site.
public enum PagePath {
    /// The longest path taken; longer ones are refused before they are looked at.
    static let maxLength = 512

    /// `raw` without its query and fragment, with every segment holding an `@` (plain or
    /// `%40`) replaced by `-`; nil for anything that cannot be a page: not starting with a
    /// single `/`, too long, a dot segment, control characters or a backslash.
    public static func clean(_ raw: String) -> String? {
        guard raw.utf8.count <= maxLength * 4 else { return nil }
        let path = raw.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count <= maxLength else { return nil }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { segment in
            segment.contains("@") || segment.lowercased().contains("%40") ? "-" : String(segment)
        }
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.lowercased().contains("%2e%2e") }) else { return nil }
        return "/" + segments.joined(separator: "/")
    }

    /// The handle of the product whose page `path` is (`/products/HANDLE/`), or nil.
    public static func product(of path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 4, segments[1] == "products", !segments[2].isEmpty, segments[3].isEmpty else { return nil }
        return String(segments[2])
    }

    /// True when the build wrote a page for `path` (a clean one) under `siteFolder`: the
    /// folder's `index.html` for a path ending in `/`, or the `.html` file it names.
    public static func isOnSite(_ path: String, siteFolder: String) -> Bool {
        guard !path.contains("%") else { return false }
        let file =
            path.hasSuffix("/")
            ? siteFolder + path + "index.html" : path.hasSuffix(".html") ? siteFolder + path : siteFolder + path + "/index.html"
        var status = stat()
        return stat(file, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
