/// English names of the countries a store may sell to, by ISO 3166-1 alpha-2 code, for the
/// checkout's country list.
public enum CountryNames {
    public static func name(of code: String) -> String? { table[code] }

    static let table: [String: String] = [
        "AD": "Andorra", "AE": "United Arab Emirates", "AR": "Argentina", "AT": "Austria", "AU": "Australia",
        "BE": "Belgium", "BG": "Bulgaria", "BR": "Brazil", "CA": "Canada", "CH": "Switzerland", "CL": "Chile",
        "CN": "China", "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "EE": "Estonia",
        "ES": "Spain", "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HK": "Hong Kong",
        "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IL": "Israel", "IN": "India", "IS": "Iceland",
        "IT": "Italy", "JP": "Japan", "KR": "South Korea", "LI": "Liechtenstein", "LT": "Lithuania",
        "LU": "Luxembourg", "LV": "Latvia", "MC": "Monaco", "MT": "Malta", "MX": "Mexico", "NL": "Netherlands",
        "NO": "Norway", "NZ": "New Zealand", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RS": "Serbia",
        "SE": "Sweden", "SG": "Singapore", "SI": "Slovenia", "SK": "Slovakia", "TR": "Türkiye", "TW": "Taiwan",
        "UA": "Ukraine", "US": "United States", "ZA": "South Africa",
    ]
}
