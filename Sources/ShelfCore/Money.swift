/// An amount of money: an integer count of minor units in one currency. Never floating point.
///
/// ```swift
/// let price = try Money(parsing: "49.90", in: euro)   // 4990 cents
/// price + price                                       // 99.80 EUR
/// ```
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in minor units (cents for EUR).
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses a plain decimal amount such as `49`, `49.9` or `49.90`.
    ///
    /// Refuses signs, exponents, grouping separators and more decimals than the currency has,
    /// so a typo can never silently become a different price.
    public init(parsing text: String, in currency: Currency) throws(MoneyError) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        if text.hasPrefix("-") {
            throw .negative(text)
        }
        guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty
        else {
            throw .notANumber(text)
        }
        guard fraction.count <= currency.exponent else {
            throw .tooManyDecimals(text, currency)
        }
        guard whole.count <= 12 else { throw .tooLarge(text) }
        let paddedFraction = fraction + String(repeating: "0", count: currency.exponent - fraction.count)
        let minor = Int64(whole)! * currency.minorUnitsPerMajor + (Int64(paddedFraction) ?? 0)
        self.init(minorUnits: minor, currency: currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    /// Nothing, in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public static func * (lhs: Money, rhs: Int) -> Money {
        Money(minorUnits: lhs.minorUnits * Int64(rhs), currency: lhs.currency)
    }

    /// The amount as a plain decimal string with the currency's digits (`49.90`), as schema.org wants it.
    public var decimalString: String {
        let scale = currency.minorUnitsPerMajor
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(scale)
        guard currency.exponent > 0 else { return "\(sign)\(whole)" }
        let fraction = String(magnitude % UInt64(scale))
        return "\(sign)\(whole).\(String(repeating: "0", count: currency.exponent - fraction.count))\(fraction)"
    }

    public var description: String { "\(decimalString) \(currency.code)" }
}

/// Why an amount or a currency was refused.
public enum MoneyError: Error, Equatable, CustomStringConvertible {
    case unknownCurrency(String)
    case negative(String)
    case notANumber(String)
    case tooManyDecimals(String, Currency)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .unknownCurrency(let code):
            "\"\(code)\" is not an ISO 4217 currency code; use one such as EUR, USD or GBP"
        case .negative(let text):
            "price \(text) is negative; prices must be zero or more"
        case .notANumber(let text):
            "price \"\(text)\" is not a number; write it like 49.90"
        case .tooManyDecimals(let text, let currency):
            "price \(text) has more than \(currency.exponent) decimals, which \(currency.code) does not have"
        case .tooLarge(let text):
            "price \(text) is too large"
        }
    }
}
