import ShelfCore

/// What the merchant records when a parcel leaves: the carrier, its tracking numbers, what it
/// carries, and what could not be found when picking.
///
/// ```swift
/// let request = ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE123456789IE"], missing: ["TEE-M": 1])
/// ```
public struct ShipmentRequest: Hashable, Sendable {
    public var carrier: String
    public var trackingNumbers: [String]
    /// Units per SKU this parcel carries; nil for everything left to ship.
    public var ship: [String: Int]?
    /// Units per SKU the merchant could not find: they leave the stock and are refunded.
    public var missing: [String: Int]

    public init(carrier: String, trackingNumbers: [String], ship: [String: Int]? = nil, missing: [String: Int] = [:]) {
        self.carrier = carrier
        self.trackingNumbers = trackingNumbers
        self.ship = ship
        self.missing = missing
    }

    /// What is wrong with the request before any row is read, or nil.
    var problem: String? {
        if carrier.trimmingSpaces.isEmpty { return "name the carrier" }
        if trackingNumbers.isEmpty { return "give at least one tracking number" }
        for text in [carrier] + trackingNumbers {
            if text.count > 100 { return "\"\(text.prefix(20))…\" is longer than 100 characters" }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "the carrier and tracking numbers cannot contain line breaks or control characters"
            }
        }
        if trackingNumbers.contains(where: { $0.trimmingSpaces.isEmpty }) { return "a tracking number is empty" }
        for (sku, quantity) in (ship ?? [:]).merging(missing, uniquingKeysWith: min) where quantity <= 0 {
            return "the quantity of \(sku) must be more than zero"
        }
        return nil
    }
}
