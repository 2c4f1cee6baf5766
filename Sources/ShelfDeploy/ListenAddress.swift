/// Where the server listens: `127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:8080`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, without brackets for IPv6 (`::1`).
    public let host: String
    public let port: Int

    /// Parses `HOST:PORT`, with an IPv6 address in brackets; nil when either part is invalid.
    public init?(_ text: String) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            port = text[text.index(close, offsetBy: 2)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return nil }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
            guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        }
        guard !host.isEmpty, let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isNumber) else { return nil }
        self.host = String(host)
        self.port = number
    }

    public var isIPv6: Bool { host.contains(":") }

    /// The host as URLs and most servers write it: `[::1]` for IPv6.
    public var bracketedHost: String { isIPv6 ? "[\(host)]" : host }

    /// `127.0.0.1:8080`, `[::1]:8080`
    public var description: String { "\(bracketedHost):\(port)" }
}
