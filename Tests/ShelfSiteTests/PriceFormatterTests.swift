import ShelfCore
import Testing

@testable import ShelfSite

@Suite struct PriceFormatterTests {
    @Test func formatsByLocale() throws {
        let euro = try Currency(code: "EUR")
        let irish = PriceFormatter(locale: "en-IE", currency: euro)
        #expect(irish.string(Money(minorUnits: 2900, currency: euro)) == "€29.00")
        #expect(irish.string(Money(minorUnits: 123_456_789, currency: euro)) == "€1,234,567.89")
        let german = PriceFormatter(locale: "de-DE", currency: euro)
        #expect(german.string(Money(minorUnits: 123_456, currency: euro)) == "1.234,56\u{a0}€")
    }

    @Test func currenciesWithoutDecimals() throws {
        let yen = try Currency(code: "JPY")
        let formatter = PriceFormatter(locale: "ja-JP", currency: yen)
        #expect(formatter.string(Money(minorUnits: 1200, currency: yen)).hasSuffix("1,200"))
    }
}
