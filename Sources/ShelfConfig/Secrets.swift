import Glibc
import TOMLKit

/// The store's secrets (the session key, the TOTP key, payment and mail keys), read from the file
/// `shelf.toml` names, which only its owner may read.
///
/// Secrets never come from the request or the environment, and nothing prints them.
public struct Secrets: Sendable {
    /// Signs the tokens of function-rendered forms; at least 32 bytes.
    public let sessionKey: [UInt8]
    /// Seals the accounts' TOTP secrets in the database (`totp_key`, exactly 32 bytes); nil in a
    /// file written before two-step sign-in, until `shelf secrets init` adds it. A key of its
    /// own, so that rotating the session key does not void every account's second factor.
    public let totpKey: [UInt8]?
    private let values: [String: String]

    /// Reads `path` (shown to the merchant as `name`), refusing a file that group or others can
    /// read or write, or that another user owns.
    public static func load(_ path: String, name: String) throws(SiteError) -> Secrets {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SiteError(name, "the secrets file does not exist; create it with `shelf secrets init`")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SiteError(name, "the secrets file is not a regular file") }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw SiteError(name, "other users can access the secrets file (mode \(mode)); run `chmod 600 \(name)`")
        }
        // Root may read the functions' file (the merchant's `shelf orders refund` as root); any
        // other user must own it.
        guard info.st_uid == geteuid() || geteuid() == 0 else {
            throw SiteError(name, "the secrets file belongs to another user; the functions' user must own it (chown it to that user)")
        }
        guard let data = PosixFile.read(path), let text = String(validating: data, as: UTF8.self) else {
            throw SiteError(name, "the secrets file cannot be read as UTF-8 text")
        }
        return try Secrets(toml: text, name: name)
    }

    /// Parses the TOML text of a secrets file.
    public init(toml text: String, name: String) throws(SiteError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // The parser's message may quote the line, and the line may hold a key: say where only.
            throw SiteError(name, line: error.source.begin.line, "not valid TOML; fix the syntax on this line")
        } catch {
            throw SiteError(name, "not valid TOML")
        }
        var values: [String: String] = [:]
        for (key, value) in table {
            guard let text = value.string else { throw SiteError(name, "\(key) must be a string") }
            values[key] = text
        }
        guard let hex = values["session_key"] else {
            throw SiteError(name, "session_key is missing; `shelf secrets init` writes a new file with one")
        }
        guard let key = Self.bytes(fromHex: hex), key.count >= 32 else {
            throw SiteError(name, "session_key must be at least 64 hex digits (32 random bytes)")
        }
        sessionKey = key
        if let hex = values["totp_key"] {
            guard let key = Self.bytes(fromHex: hex), key.count == 32 else {
                throw SiteError(name, "totp_key must be exactly 64 hex digits (32 random bytes)")
            }
            totpKey = key
        } else {
            totpKey = nil
        }
        self.values = values
    }

    /// Another secret by name (`stripe_secret_key`), when the file has it.
    public func value(_ key: String) -> String? { values[key] }

    private static func bytes(fromHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2), text.allSatisfy(\.isHexDigit) else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
            index += 2
        }
        return out
    }
}
