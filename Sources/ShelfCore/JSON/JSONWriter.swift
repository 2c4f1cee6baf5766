/// JSON written straight into UTF-8 bytes, value by value, as ``JSON`` writes its values: the
/// same escaping, keys in the order written, no white space.
///
/// For answers built on every request (a `cart.json` holds some hundred values): building them as
/// ``JSON`` values first allocates and frees every array, object and string a second time.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.member("count", 2)
/// json.key("lines"); json.beginArray(); json.string("TEE-M"); json.endArray()
/// json.endObject()
/// // json.bytes: {"count":2,"lines":["TEE-M"]}
/// ```
///
/// Commas are placed by the writer; the caller keeps keys and values paired and containers
/// closed, as with any streaming writer.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8]
    /// True right after an opening bracket or a key: the next value takes no comma before it.
    private var atStart = true

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atStart = true
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atStart = false
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atStart = true
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// An object member's key from data (a ``JSON`` object's), quoted like any string; its value
    /// is written next.
    public mutating func key(quoting name: String) {
        separate()
        JSONWriter.quote(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    /// An object member's key of our own (`"count"`), written as it is; its value is written
    /// next. Such keys never need an escape, so they are not scanned for one on every request.
    public mutating func key(_ name: StaticString) {
        assert(
            Self.firstEscape(in: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), from: 0)
                == name.utf8CodeUnitCount, "\(name) needs an escape")
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        // Byte by byte: appending a string's UTF-8 view goes through its generic path.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    /// The member `name`: `text`.
    public mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    /// The member `name`: `text`, or null.
    public mutating func member(_ name: StaticString, _ text: String?) {
        key(name)
        string(text)
    }

    /// The member `name`: `value`.
    public mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        number(value)
    }

    /// The member `name`: `value`.
    public mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        number(value)
    }

    /// The member `name`: `flag`.
    public mutating func member(_ name: StaticString, _ flag: Bool) {
        key(name)
        bool(flag)
    }

    public mutating func string(_ text: String) {
        separate()
        JSONWriter.quote(text, into: &bytes)
    }

    /// A string whose UTF-8 bytes `write` appends, quoted as the same text given as a `String` is:
    /// text made on every request (a price) goes into the buffer without a `String` made for it.
    ///
    /// ```swift
    /// json.string { prices.append(amount, to: &$0) }   // "€29.00"
    /// ```
    public mutating func string(writing write: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        let start = bytes.count
        write(&bytes)
        let needsEscape = bytes.withUnsafeBufferPointer { written in
            JSONWriter.firstEscape(in: UnsafeBufferPointer(rebasing: written[start...]), from: 0) < written.count - start
        }
        if needsEscape {
            let raw = Array(bytes[start...])
            bytes.removeSubrange(start...)
            raw.withUnsafeBufferPointer { JSONWriter.quote($0, into: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text`, or null.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func number(_ value: Int) {
        number(Int64(value))
    }

    /// Written digit by digit into the buffer: a `cart.json` holds some thirty numbers, and a
    /// `String` for each was made only to be copied.
    public mutating func number(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDigits(of: value.magnitude)
    }

    /// A number already written as JSON digits (``JSON/number(_:)``).
    public mutating func number(text: String) {
        separate()
        bytes += text.utf8
    }

    public mutating func bool(_ flag: Bool) {
        separate()
        bytes += (flag ? "true" : "false").utf8
    }

    public mutating func null() {
        separate()
        bytes += "null".utf8
    }

    /// A whole ``JSON`` value.
    public mutating func value(_ value: JSON) {
        switch value {
        case .string(let text): string(text)
        case .number(let text): number(text: text)
        case .bool(let flag): bool(flag)
        case .null: null()
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(quoting: name)
                self.value(member)
            }
            endObject()
        }
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        atStart = false
    }

    /// `string` quoted, safe inside a `<script>` element: `<`, `>` and `&` are escaped, and so
    /// are U+2028 and U+2029, which end a line in JavaScript.
    static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // The string's own UTF-8, not a copy: a cart.json answer quotes some fifty strings.
        var string = string
        string.withUTF8 { bytes in quote(bytes, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Runs of bytes that need no escape are appended whole: nearly every byte of a product's
    /// title or a SKU is one, and appending byte by byte checked the buffer's uniqueness each time.
    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var run = 0
        var index = firstEscape(in: bytes, from: 0)
        while index < bytes.count {
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            index += appendEscape(of: bytes, at: index, into: &out)
            run = index
            index = firstEscape(in: bytes, from: index)
        }
        if bytes.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
    }

    /// The index of the first byte from `start` on that ``appendEscape(of:at:into:)`` escapes;
    /// `bytes.count` when there is none. Eight bytes are tested at a time, without a branch per
    /// byte: only a word that may hold such a byte is looked at byte by byte.
    static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index < bytes.count {
            while index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                if needsEscape(bytes, at: index) { return index }
                index += 1
            }
        }
        return bytes.count
    }

    /// False only when none of the eight bytes of `word` is below 0x20, `"`, backslash, `<`, `>`, `&`
    /// or 0xE2 (the first byte of U+2028 and U+2029 in UTF-8): a byte equal to `c` is a zero
    /// byte of `word ^ (c * ones)`, and `(v - ones) & ~v & highs` is not zero exactly when `v`
    /// has a zero byte (`(v - n * ones) & ~v & highs` when it has a byte below `n`, n <= 128).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        let quotes = zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C))
        let markup = zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E)) | zeroByte(word ^ (ones &* 0x26))
        return below | quotes | markup | zeroByte(word ^ (ones &* 0xE2)) != 0
    }

    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: true
        // U+2028 and U+2029: E2 80 A8 and E2 80 A9 in UTF-8.
        case 0xE2: index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default: false
        }
    }

    /// Appends the escape of the byte at `index`, which ``needsEscape(_:at:)`` said needs one, and
    /// returns how many bytes it stands for.
    private static func appendEscape(of bytes: UnsafeBufferPointer<UInt8>, at index: Int, into out: inout [UInt8]) -> Int {
        let byte = bytes[index]
        let escape: StaticString
        switch byte {
        case UInt8(ascii: "\""): escape = #"\""#
        case UInt8(ascii: "\\"): escape = #"\\"#
        case UInt8(ascii: "\n"): escape = #"\n"#
        case UInt8(ascii: "\r"): escape = #"\r"#
        case UInt8(ascii: "\t"): escape = #"\t"#
        case UInt8(ascii: "<"): escape = #"\u003c"#
        case UInt8(ascii: ">"): escape = #"\u003e"#
        case UInt8(ascii: "&"): escape = #"\u0026"#
        case 0xE2:
            out += (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
            return 3
        default:
            let hex: StaticString = "0123456789abcdef"
            out += #"\u00"#.utf8
            out.append(hex.utf8Start[Int(byte >> 4)])
            out.append(hex.utf8Start[Int(byte & 0xF)])
            return 1
        }
        out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
        return 1
    }
}
