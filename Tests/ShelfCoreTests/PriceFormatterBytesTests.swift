import Testing

@testable import ShelfCore

/// Prices written straight into bytes (`PriceFormatter.append`, for `cart.json`) and as
/// strings are the same text, for every exponent a currency can have.
@Suite struct PriceFormatterBytesTests {
    static func written(_ formatter: PriceFormatter, _ minorUnits: Int64) -> String {
        var bytes = Array("x".utf8)
        formatter.append(Money(minorUnits: minorUnits, currency: formatter.currency), to: &bytes)
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        #expect(text == formatter.string(Money(minorUnits: minorUnits, currency: formatter.currency)))
        return text
    }

    @Test func twoDecimals() throws {
        let irish = PriceFormatter(locale: "en-IE", currency: try Currency(code: "EUR"))
        #expect(Self.written(irish, 0) == "€0.00")
        #expect(Self.written(irish, 5) == "€0.05")
        #expect(Self.written(irish, 2900) == "€29.00")
        #expect(Self.written(irish, 99_999) == "€999.99")
        #expect(Self.written(irish, 100_000) == "€1,000.00")
        #expect(Self.written(irish, -4990) == "-€49.90")
        #expect(Self.written(irish, Int64.max) == "€92,233,720,368,547,758.07")
        #expect(Self.written(irish, Int64.min) == "-€92,233,720,368,547,758.08")
        let german = PriceFormatter(locale: "de-DE", currency: try Currency(code: "EUR"))
        #expect(Self.written(german, 123_456_789) == "1.234.567,89\u{a0}€")
    }

    @Test func noDecimals() throws {
        let yen = PriceFormatter(locale: "en-US", currency: try Currency(code: "JPY"))
        #expect(Self.written(yen, 0) == "¥0")
        #expect(Self.written(yen, 999) == "¥999")
        #expect(Self.written(yen, 1_234_567) == "¥1,234,567")
        #expect(Self.written(yen, -1200) == "-¥1,200")
    }

    @Test func threeAndFourDecimals() throws {
        let dinar = PriceFormatter(locale: "en-IE", currency: try Currency(code: "KWD"))
        #expect(Self.written(dinar, 0).hasSuffix("0.000"))
        #expect(Self.written(dinar, 7).hasSuffix("0.007"))
        #expect(Self.written(dinar, 1_234_567).hasSuffix("1,234.567"))
        let unit = PriceFormatter(locale: "en-IE", currency: try Currency(code: "CLF"))
        #expect(Self.written(unit, 12).hasSuffix("0.0012"))
        #expect(Self.written(unit, 123_456_789).hasSuffix("12,345.6789"))
    }

    /// The digits themselves: padding, grouping and the largest value.
    @Test func digits() {
        func digits(_ value: UInt64, _ minimum: Int = 1, _ separator: String = "") -> String {
            var bytes: [UInt8] = []
            bytes.appendDigits(of: value, minimumDigits: minimum, groupedWith: Array(separator.utf8))
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(digits(0) == "0")
        #expect(digits(7, 3) == "007")
        #expect(digits(123, 1, ",") == "123")
        #expect(digits(1234, 1, "\u{202F}") == "1\u{202F}234")
        #expect(digits(UInt64.max, 1, ",") == "18,446,744,073,709,551,615")
        #expect(digits(UInt64.max) == "18446744073709551615")
    }
}
