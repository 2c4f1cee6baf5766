import ShelfCore

/// `application/x-www-form-urlencoded` bodies in the bracket style Stripe's API reads
/// (`line_items[0][quantity]=2`), written in the order given.
public struct FormBody: Sendable {
    public private(set) var pairs: [(String, String)] = []

    public init() {}

    public mutating func add(_ name: String, _ value: String) { pairs.append((name, value)) }

    public var bytes: [UInt8] {
        Array(pairs.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&").utf8)
    }
}
