/// A percentage, kept as whole basis points (23% is 2300) so that tax and discounts never touch
/// floating point.
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    public let basisPoints: Int

    public init(basisPoints: Int) {
        precondition((0...10_000).contains(basisPoints), "a rate is between 0% and 100%")
        self.basisPoints = basisPoints
    }

    /// Reads `"23"`, `"13.5"` or `"9.25"` (percent, at most two decimals, 0 to 100).
    public init?(percent text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let digits = Int(parts[1])
            else { return nil }
            fraction = parts[1].count == 1 ? digits * 10 : digits
        }
        let points = whole * 100 + fraction
        guard points <= 10_000 else { return nil }
        self.init(basisPoints: points)
    }

    /// This share of `amount`, rounded half up to the minor unit (23% of €10.01 is €2.30).
    public func of(_ amount: Money) -> Money {
        Money(minorUnits: Self.divideRounding(amount.minorUnits * Int64(basisPoints), by: 10_000), currency: amount.currency)
    }

    /// The part of a tax-inclusive `gross` that is this rate's tax: gross × r / (1 + r), rounded
    /// half up (€123.00 at 23% holds €23.00).
    public func includedIn(_ gross: Money) -> Money {
        Money(
            minorUnits: Self.divideRounding(gross.minorUnits * Int64(basisPoints), by: 10_000 + Int64(basisPoints)),
            currency: gross.currency)
    }

    /// `23%`, `13.5%`.
    public var description: String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// `value / divisor` rounded half away from zero, for non-negative divisors.
    static func divideRounding(_ value: Int64, by divisor: Int64) -> Int64 {
        let half = divisor / 2
        return value >= 0 ? (value + half) / divisor : -((-value + half) / divisor)
    }
}
