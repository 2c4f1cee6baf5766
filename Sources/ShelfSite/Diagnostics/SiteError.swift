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

/// Every problem a build step found, so a merchant can fix them all in one go.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The named build step that failed (`Load content`).
    public var step: String
    public var errors: [SiteError]

    public init(step: String, errors: [SiteError]) {
        self.step = step
        self.errors = errors
    }

    public var description: String {
        errors.map { "[\(step)] \($0)" }.joined(separator: "\n")
    }
}

/// Collects problems while a step goes on, instead of stopping at the first.
struct Problems {
    private(set) var all: [SiteError] = []

    mutating func add(_ error: SiteError) { all.append(error) }

    mutating func add(_ file: String, line: Int?, _ message: String) {
        all.append(SiteError(file, line: line, message))
    }

    var isEmpty: Bool { all.isEmpty }

    /// Throws every collected problem, sorted by file and line, when there is any.
    func throwIfAny(step: String) throws(BuildFailure) {
        guard !all.isEmpty else { return }
        let sorted = all.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        throw BuildFailure(step: step, errors: sorted)
    }
}
