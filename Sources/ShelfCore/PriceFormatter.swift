import Foundation

/// Writes amounts the way the store's locale does (`€1,234.50` in en-IE, `1.234,50 €` in de-DE).
///
/// Foundation's formatter is asked once for the pattern; formatting itself is plain integer
/// arithmetic, so tens of thousands of prices cost next to nothing and never pass through
/// floating point.
public struct PriceFormatter: Sendable {
    public let currency: Currency
    // UTF-8, since an amount is written as bytes (``append(_:to:)``).
    private let prefix: [UInt8]
    private let suffix: [UInt8]
    private let groupingSeparator: [UInt8]
    private let decimalSeparator: [UInt8]

    public init(locale identifier: String, currency: Currency) {
        self.currency = currency
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: identifier)
        formatter.numberStyle = .currency
        formatter.currencyCode = currency.code
        formatter.minimumFractionDigits = currency.exponent
        formatter.maximumFractionDigits = currency.exponent
        // 1234567 and then the currency's minor digits: every separator shows up once.
        let probe = formatter.string(from: NSNumber(value: 1_234_567)) ?? "\(currency.code) 1,234,567.00"
        let scalars = Array(probe)
        let firstDigit = scalars.firstIndex { $0.isASCII && $0.isNumber } ?? 0
        let lastDigit = scalars.lastIndex { $0.isASCII && $0.isNumber } ?? scalars.count - 1
        prefix = Array(String(scalars[..<firstDigit]).utf8)
        suffix = Array(String(scalars[(lastDigit + 1)...]).utf8)
        let body = Array(scalars[firstDigit...lastDigit])
        // body looks like 1,234,567.00: the grouping separator follows the "1".
        let separators = body.enumerated().filter { !($0.element.isASCII && $0.element.isNumber) }
        groupingSeparator =
            separators.count > 1 || currency.exponent == 0 ? separators.first.map { Array(String($0.element).utf8) } ?? [] : []
        decimalSeparator = currency.exponent > 0 ? separators.last.map { Array(String($0.element).utf8) } ?? Array(".".utf8) : []
    }

    /// The amount with symbol, grouping and the currency's decimals.
    public func string(_ money: Money) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.count + suffix.count + 24)
        append(money, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of ``string(_:)``, appended to `bytes`: a `cart.json` writes some ten
    /// prices, each without a `String` made for it.
    public func append(_ money: Money, to bytes: inout [UInt8]) {
        let scale = UInt64(currency.minorUnitsPerMajor)
        let magnitude = money.minorUnits.magnitude
        if money.minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes += prefix
        bytes.appendDigits(of: magnitude / scale, groupedWith: groupingSeparator)
        if currency.exponent > 0 {
            bytes += decimalSeparator
            bytes.appendDigits(of: magnitude % scale, minimumDigits: currency.exponent)
        }
        bytes += suffix
    }
}
