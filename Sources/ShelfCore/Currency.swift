/// An ISO 4217 currency: its code and how many minor units make one major unit.
///
/// ```swift
/// let euro = try Currency(code: "EUR")   // exponent 2: 1 EUR = 100 cents
/// ```
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three-letter code, upper case (`EUR`).
    public let code: String
    /// The number of decimal digits of the minor unit (2 for EUR, 0 for JPY, 3 for KWD).
    public let exponent: Int

    /// Looks the code up in the ISO 4217 table; throws for a code that is not a currency.
    public init(code: String) throws(MoneyError) {
        guard let exponent = Currency.exponents[code] else {
            throw .unknownCurrency(code)
        }
        self.code = code
        self.exponent = exponent
    }

    public var description: String { code }

    /// Minor units in one major unit (100 for EUR).
    public var minorUnitsPerMajor: Int64 {
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        return scale
    }

    /// Every active ISO 4217 currency and its minor-unit exponent.
    static let exponents: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDecimals = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN \
            BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS \
            GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR \
            LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD \
            PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN \
            SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWL
            """
        for code in twoDecimals.split(separator: " ") { table[String(code)] = 2 }
        for code in ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"]
        {
            table[code] = 0
        }
        for code in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] { table[code] = 3 }
        for code in ["CLF", "UYW"] { table[code] = 4 }
        return table
    }()
}
