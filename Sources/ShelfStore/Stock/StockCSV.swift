/// Reads stock files: a header line naming the columns `sku` and `quantity` (in either order,
/// other columns ignored), then one SKU per line.
///
/// ```
/// sku,quantity
/// TEE-FOREST-M,12
/// "TEE-FOREST-L",0
/// ```
public enum StockCSV {
    /// Parses `text`, read from `file`; throws at the first line that is wrong, naming it.
    ///
    /// Blank lines are skipped; a field may be quoted (`"a,b"`, with `""` for a quote).
    /// Quantities are whole numbers, zero or more; a SKU may appear once.
    public static func parse(_ text: String, file: String) throws(StockCSVError) -> [StockImport] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func failure(_ index: Int, _ problem: String) -> StockCSVError {
            StockCSVError(file: file, line: index + 1, problem: problem)
        }

        guard let headerIndex = lines.firstIndex(where: { !isBlank($0) }) else {
            throw failure(0, "the file is empty; start it with the header line sku,quantity")
        }
        guard let header = fields(of: lines[headerIndex])?.map({ $0.lowercased() }),
            let skuColumn = header.firstIndex(of: "sku"), let quantityColumn = header.firstIndex(of: "quantity")
        else {
            throw failure(headerIndex, "the header line must name the columns sku and quantity, as in sku,quantity")
        }

        var imports: [StockImport] = []
        var firstLines: [String: Int] = [:]
        for index in lines.indices.dropFirst(headerIndex + 1) where !isBlank(lines[index]) {
            guard let row = fields(of: lines[index]) else {
                throw failure(index, "a quoted field is not closed; end it with \"")
            }
            guard row.count > max(skuColumn, quantityColumn) else {
                throw failure(index, "expected \(header.count) columns (\(header.joined(separator: ","))) but found \(row.count)")
            }
            let sku = row[skuColumn]
            let quantityText = row[quantityColumn]
            guard !sku.isEmpty else { throw failure(index, "the SKU is missing") }
            guard let quantity = Int(quantityText) else {
                throw failure(index, "quantity \"\(quantityText)\" of \"\(sku)\" is not a whole number")
            }
            guard quantity >= 0 else {
                throw failure(index, "quantity \(quantity) of \"\(sku)\" is negative; stock must be zero or more")
            }
            guard quantity <= Store.maxOnHand else {
                throw failure(
                    index, "quantity \(quantity) of \"\(sku)\" is more than the \(Store.maxOnHand) units the store keeps of one SKU")
            }
            if let first = firstLines.updateValue(index + 1, forKey: sku) {
                throw failure(index, "SKU \"\(sku)\" appears again; it is already on line \(first)")
            }
            imports.append(StockImport(sku: sku, quantity: quantity, file: file, line: index + 1))
        }
        return imports
    }

    /// Splits one line at commas outside quotes and trims each field; nil when a quote is not closed.
    static func fields(of line: Substring) -> [String]? {
        let characters = Array(line)
        var fields: [String] = []
        var field = ""
        var isQuoted = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isQuoted, character == "\"" {
                let isEscapedQuote = index + 1 < characters.count && characters[index + 1] == "\""
                if isEscapedQuote {
                    field.append("\"")
                    index += 1
                } else {
                    isQuoted = false
                }
            } else if isQuoted {
                field.append(character)
            } else if character == "\"", field.allSatisfy(\.isWhitespace) {
                field = ""
                isQuoted = true
            } else if character == "," {
                fields.append(trimmed(field))
                field = ""
            } else {
                field.append(character)
            }
            index += 1
        }
        guard !isQuoted else { return nil }
        fields.append(trimmed(field))
        return fields
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }
}
