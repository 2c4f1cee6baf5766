public import ShelfConfig

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
