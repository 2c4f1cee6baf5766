/// Which countries a shipping method or a tax rule covers: a list of ISO 3166-1 alpha-2 codes,
/// or every country not covered by a more specific entry (`"*"`).
public enum Countries: Hashable, Sendable {
    case only(Set<String>)
    case rest

    public func contains(_ country: String) -> Bool {
        switch self {
        case .only(let codes): codes.contains(country)
        case .rest: true
        }
    }

    /// True for a listed country, false for the catch-all: a listed entry wins over `"*"`.
    public var isSpecific: Bool {
        if case .only = self { true } else { false }
    }

    /// True when `code` looks like an ISO 3166-1 alpha-2 code (`IE`).
    public static func isCode(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}

extension Array {
    /// The entry for `country`: the first that lists it, else the first catch-all.
    public func entry(for country: String, countries: (Element) -> Countries) -> Element? {
        first { countries($0).isSpecific && countries($0).contains(country) } ?? first { !countries($0).isSpecific }
    }
}
