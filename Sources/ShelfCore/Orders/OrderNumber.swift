/// The number shoppers see for an order: its id plus 1000, so the first order is 1001.
///
/// Stable for the life of the order (the id never changes and is never reused) and plain
/// digits, so it fits a provider's reference fields and an idempotency key as it is. The offset
/// only spares the first customers a number like 1; it hides nothing, so an order page must be
/// protected by more than its number.
///
/// ```swift
/// OrderNumber(id: 42).description        // "1042"
/// OrderNumber(parsing: "#1042")?.id      // 42
/// ```
public struct OrderNumber: Hashable, Sendable, CustomStringConvertible {
    /// Added to the id to make the number.
    public static let offset: Int64 = 1000

    /// The order's id in the database.
    public let id: Int64

    public init(id: Int64) {
        self.id = id
    }

    /// Reads a number as shoppers write it (`1042`, `#1042`); nil for anything else.
    public init?(parsing text: String) {
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard (1...18).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(digits),
            number > Self.offset
        else { return nil }
        self.init(id: number - Self.offset)
    }

    public var description: String { String(id + Self.offset) }
}
