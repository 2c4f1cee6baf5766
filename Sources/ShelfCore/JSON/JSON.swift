/// A JSON value written with keys in the order given, so output is byte-for-byte reproducible.
///
/// Not `indirect`: arrays and objects hold their values in arrays, already on the heap, and an
/// indirect case would box every string and number besides (a `cart.json` answer holds some
/// hundred values).
public enum JSON: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])
    case null

    /// The JSON text, safe to place inside a `<script>` element: `<`, `>` and `&` are escaped.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// ``text`` as UTF-8 bytes, as a response body takes it; written by ``JSONWriter``, which
    /// escapes for both.
    public var bytes: [UInt8] {
        var writer = JSONWriter(capacity: 0)
        writer.value(self)
        return writer.bytes
    }
}
