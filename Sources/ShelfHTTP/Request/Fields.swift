import ShelfCore

/// Named values from a form, a query string or a flat JSON object, read strictly.
///
/// A single-value field that appears twice is refused, not resolved: `quantity=1&quantity=9`
/// could otherwise mean different things to a cache, a firewall and the function.
///
/// ```swift
/// let fields = try request.fields()
/// let sku = try fields.required("sku")
/// let quantity = try fields.optional("quantity") ?? "1"
/// ```
public struct Fields: Sendable {
    private var pairs: [(name: String, value: String)] = []

    public init() {}

    /// Parses `application/x-www-form-urlencoded` bytes: `+` is a space, `%XX` a byte, and the
    /// decoded names and values must be UTF-8.
    public init(form bytes: [UInt8]) throws(HTTPError) {
        guard !bytes.isEmpty else { return }
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
            if part.isEmpty { continue }
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decode(part[..<(equals ?? part.endIndex)])
            let value = try equals.map { (index) throws(HTTPError) in try Self.decode(part[(index + 1)...]) } ?? ""
            pairs.append((name, value))
        }
    }

    /// Reads a JSON object whose members are strings, integers or booleans; nested values are
    /// refused, since no route takes them.
    public init(json bytes: [UInt8]) throws(HTTPError) {
        let value: JSON
        do {
            value = try JSON.parse(bytes)
        } catch {
            throw HTTPError(400, "The request body is not valid JSON.", log: error.description)
        }
        guard let members = value.members else {
            throw HTTPError(400, "The request body must be a JSON object.", log: "JSON body is not an object")
        }
        for (name, member) in members {
            // As in form data: a NUL (`\u0000`) is never part of a value the store keeps.
            if name.utf8.contains(0) || member.string?.utf8.contains(0) == true {
                throw HTTPError(400, "The request body is not valid.", log: "NUL in JSON field")
            }
            switch member {
            case .string(let text): pairs.append((name, text))
            case .number(let number): pairs.append((name, number))
            case .bool(let flag): pairs.append((name, flag ? "true" : "false"))
            case .null: continue
            case .array, .object:
                throw HTTPError(400, "The field \"\(name)\" must be a plain value.", log: "nested JSON in \(name)")
            }
        }
    }

    /// The one value of `name`, or nil when absent; a repeated name is a 400.
    public func optional(_ name: String) throws(HTTPError) -> String? {
        // Counted in place: a cart add asks for three fields, and filtering made an array each time.
        var found: String?
        for pair in pairs where pair.name == name {
            guard found == nil else {
                throw HTTPError(400, "The field \"\(name)\" was sent more than once.", log: "duplicate field \(name)")
            }
            found = pair.value
        }
        return found
    }

    /// The one value of `name`; absent or repeated is a 400 that names the field.
    public func required(_ name: String) throws(HTTPError) -> String {
        guard let value = try optional(name), !value.isEmpty else {
            throw HTTPError(400, "The field \"\(name)\" is missing.", log: "missing field \(name)")
        }
        return value
    }

    /// Every value of `name`, in order: for fields a form may send several times, such as the
    /// checkboxes of one search facet.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Every field name, in order, repeats included.
    public var names: [String] { pairs.map(\.name) }

    private static func decode(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> String {
        // Nothing encoded, ASCII and no NUL (a SKU, a quantity, a token): the bytes are the text.
        if !bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") || $0 >= 0x80 || $0 == 0 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard bytes.endIndex - index >= 3,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else {
                    throw HTTPError(400, "The form data is not valid.", log: "bad percent-encoding")
                }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw HTTPError(400, "The form data is not valid UTF-8.", log: "invalid UTF-8 in form data")
        }
        guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw HTTPError(400, "The form data is not valid.", log: "NUL in form data")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
