import Foundation

/// Writes amounts the way the store's locale does (`€1,234.50` in en-IE, `1.234,50 €` in de-DE).
///
/// Foundation's formatter is asked once for the pattern; formatting itself is plain integer
/// arithmetic, so tens of thousands of prices cost next to nothing and never pass through
/// floating point.
public struct PriceFormatter: Sendable {
    public let currency: Currency
    private let prefix: String
    private let suffix: String
    private let groupingSeparator: String
    private let decimalSeparator: String

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
        prefix = String(scalars[..<firstDigit])
        suffix = String(scalars[(lastDigit + 1)...])
        let body = Array(scalars[firstDigit...lastDigit])
        // body looks like 1,234,567.00: the grouping separator follows the "1".
        let separators = body.enumerated().filter { !($0.element.isASCII && $0.element.isNumber) }
        groupingSeparator = separators.count > 1 || currency.exponent == 0 ? separators.first.map { String($0.element) } ?? "" : ""
        decimalSeparator = currency.exponent > 0 ? separators.last.map { String($0.element) } ?? "." : ""
    }

    /// The amount with symbol, grouping and the currency's decimals.
    public func string(_ money: Money) -> String {
        let scale = UInt64(currency.minorUnitsPerMajor)
        let magnitude = money.minorUnits.magnitude
        var whole = String(magnitude / scale)
        if !groupingSeparator.isEmpty, whole.count > 3 {
            var grouped = ""
            for (index, digit) in whole.enumerated() {
                if index > 0, (whole.count - index) % 3 == 0 { grouped += groupingSeparator }
                grouped.append(digit)
            }
            whole = grouped
        }
        var text = money.minorUnits < 0 ? "-" + prefix : prefix
        text += whole
        if currency.exponent > 0 {
            let fraction = String(magnitude % scale)
            text += decimalSeparator + String(repeating: "0", count: currency.exponent - fraction.count) + fraction
        }
        return text + suffix
    }
}
