import ShelfCore

/// The cookies of a request's `Cookie` header.
public struct Cookies: Sendable {
    private var pairs: [(name: String, value: String)] = []

    /// Parses `name=value; other=value`; malformed pairs are skipped, as browsers send what
    /// other sites' scripts may have set.
    public init(header: String?) {
        guard let header else { return }
        for part in header.split(separator: ";") {
            let pair = part.trimmingSpaces
            guard let equals = pair.firstIndex(of: "=") else { continue }
            var value = pair[pair.index(after: equals)...]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            pairs.append((String(pair[..<equals]), String(value)))
        }
    }

    /// The value of the cookie `name`; a cookie sent twice counts as absent, since the two
    /// cannot be told apart (one may have been planted by a sibling domain).
    public subscript(name: String) -> String? {
        let values = pairs.filter { $0.name == name }
        return values.count == 1 ? values[0].value : nil
    }
}
