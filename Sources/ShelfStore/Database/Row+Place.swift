extension Row {
    /// The integer in the column at `index`, which must not be NULL.
    func int64(at index: Int) throws -> Int64 {
        guard case .integer(let value) = try value(at: index) else { throw mismatch(at: index, expected: "an integer") }
        return value
    }

    /// The integer in the column at `index`, which must not be NULL, as `Int`.
    func int(at index: Int) throws -> Int { Int(try int64(at: index)) }

    /// The integer in the column at `index`, or nil for NULL.
    func optionalInt64(at index: Int) throws -> Int64? {
        switch try value(at: index) {
        case .null: nil
        case .integer(let value): value
        case .text: throw mismatch(at: index, expected: "an integer or NULL")
        }
    }

    /// The boolean stored as 0 or 1 in the column at `index`.
    func bool(at index: Int) throws -> Bool {
        switch try int64(at: index) {
        case 0: false
        case 1: true
        default: throw mismatch(at: index, expected: "0 or 1")
        }
    }

    /// The text in the column at `index`, which must not be NULL.
    func text(at index: Int) throws -> String {
        guard case .text(let value) = try value(at: index) else { throw mismatch(at: index, expected: "text") }
        return value
    }

    /// The text in the column at `index`, or nil for NULL.
    func optionalText(at index: Int) throws -> String? {
        switch try value(at: index) {
        case .null: nil
        case .text(let value): value
        case .integer: throw mismatch(at: index, expected: "text or NULL")
        }
    }

    /// True when the column at `index` holds NULL.
    func isNull(at index: Int) throws -> Bool {
        if case .null = try value(at: index) { true } else { false }
    }

    /// The raw value at `index`; throws when the result has fewer columns, so a query whose
    /// columns were moved fails loudly, not by reading past them.
    private func value(at index: Int) throws -> SQLValue {
        guard values.indices.contains(index) else {
            throw DatabaseError(message: "the result has no column \(index + 1); it has \(columns.joined(separator: ", "))")
        }
        return values[index]
    }

    private func mismatch(at index: Int, expected: String) -> DatabaseError {
        DatabaseError(message: "column \"\(columns[index])\" should hold \(expected) but holds \(values[index])")
    }
}
