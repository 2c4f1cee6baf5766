/// A problem with a merchant's store, located at a file and line and written for a person.
///
/// It prints as `content/products/tee.md:12: what is wrong and how to fix it`.
public struct SiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the store folder.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    public var message: String

    public init(_ file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
