/// A statement's SQL as the key of a connection's statement cache, hashed cheaply.
///
/// A `String` key hashes its whole text on every lookup, and the store's statements run to
/// hundreds of bytes: a `cart.json` spent about 2 % of its time hashing SQL it had already
/// prepared. This key hashes the length and sixteen bytes from the middle and the end (the
/// beginning, `SELECT …`, is much the same everywhere); equality is still the whole text, which
/// costs one comparison of the string's storage when the SQL is the same literal as before.
struct SQLiteStatementKey: Hashable {
    let sql: String

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.sql == rhs.sql
    }

    func hash(into hasher: inout Hasher) {
        var sql = sql
        sql.withUTF8 { bytes in
            hasher.combine(bytes.count)
            Self.combine(bytes, from: bytes.count / 2, into: &hasher)
            Self.combine(bytes, from: bytes.count - Self.sampleLength, into: &hasher)
        }
    }

    /// Feeds up to ``sampleLength`` bytes from `start` to `hasher`; nothing when `start` is
    /// before the text (SQL shorter than a sample).
    private static func combine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into hasher: inout Hasher) {
        guard start >= 0 else { return }
        let sample = UnsafeBufferPointer(rebasing: bytes[start..<min(start + sampleLength, bytes.count)])
        hasher.combine(bytes: UnsafeRawBufferPointer(sample))
    }

    /// How many bytes each sample takes.
    private static let sampleLength = 8
}
