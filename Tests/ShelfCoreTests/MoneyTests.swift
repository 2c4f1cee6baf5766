import ShelfCore
import ShelfTesting
import Testing

@Suite struct MoneyTests {
    let euro = Currency.euro

    @Test func parsesPlainDecimalsIntoMinorUnits() throws {
        #expect(try Money(parsing: "49.90", in: euro).minorUnits == 4990)
        #expect(try Money(parsing: "49.9", in: euro).minorUnits == 4990)
        #expect(try Money(parsing: "49", in: euro).minorUnits == 4900)
        #expect(try Money(parsing: "0", in: euro).minorUnits == 0)
    }

    @Test func respectsTheCurrencyExponent() throws {
        let yen = try Currency(code: "JPY")
        let dinar = try Currency(code: "KWD")
        #expect(try Money(parsing: "1200", in: yen).minorUnits == 1200)
        #expect(throws: MoneyError.tooManyDecimals("12.5", yen)) { try Money(parsing: "12.5", in: yen) }
        #expect(try Money(parsing: "1.250", in: dinar).minorUnits == 1250)
    }

    @Test func refusesNegativeAndMalformedPrices() {
        #expect(throws: MoneyError.negative("-5")) { try Money(parsing: "-5", in: euro) }
        for bad in ["abc", "1,50", "1.2.3", "", ".5", "5.", "1e3", "+5", " 5"] {
            #expect(throws: MoneyError.self) { try Money(parsing: bad, in: euro) }
        }
        #expect(throws: MoneyError.tooManyDecimals("49.999", euro)) { try Money(parsing: "49.999", in: euro) }
    }

    @Test func unknownCurrencyIsRefused() {
        #expect(throws: MoneyError.unknownCurrency("EUX")) { try Currency(code: "EUX") }
        #expect(throws: MoneyError.unknownCurrency("eur")) { try Currency(code: "eur") }
    }

    @Test func decimalStringKeepsEveryDigit() throws {
        #expect(Money(minorUnits: 4990, currency: euro).decimalString == "49.90")
        #expect(Money(minorUnits: 5, currency: euro).decimalString == "0.05")
        #expect(Money(minorUnits: 1200, currency: try Currency(code: "JPY")).decimalString == "1200")
    }

    @Test func arithmeticStaysInMinorUnits() throws {
        let price = try Money(parsing: "0.10", in: euro)
        #expect((price * 3).minorUnits == 30)
        #expect((price + price).decimalString == "0.20")
        #expect(price < price + price)
    }
}
