import ShelfCore

/// Reads and writes the subscriber lists of `shelf subscribers import` and `export`.
///
/// An import file has a header line naming an `email` column and, optionally, `topics`
/// (topic ids separated by spaces) and `consent` (the words the person agreed to elsewhere);
/// other columns are ignored:
///
/// ```
/// email,topics,consent
/// ann@example.com,arrivals offers,Signed up at the spring market
/// ```
public enum SubscriberCSV {
    /// One address to import, with the line it came from.
    public struct Line: Hashable, Sendable {
        public var email: String
        /// Empty when the file has no topics for it: the store's topics then.
        public var topics: [String]
        public var consent: String?
        public var line: Int
    }

    /// Parses `text` of `file`; throws at the first wrong line, naming it, so a bad file imports
    /// nothing. An address may appear once.
    public static func parse(_ text: String, file: String, topics known: Set<String>) throws(StockCSVError) -> [Line] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func failure(_ index: Int, _ problem: String) -> StockCSVError { StockCSVError(file: file, line: index + 1, problem: problem) }
        guard let headerIndex = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw failure(0, "the file is empty; start it with the header line email (and optionally ,topics,consent)")
        }
        guard let header = StockCSV.fields(of: lines[headerIndex])?.map({ $0.lowercased() }),
            let emailColumn = header.firstIndex(of: "email")
        else { throw failure(headerIndex, "the header line must name the column email, as in email,topics,consent") }
        let topicsColumn = header.firstIndex(of: "topics")
        let consentColumn = header.firstIndex(of: "consent")
        var result: [Line] = []
        var seen: [String: Int] = [:]
        for index in lines.indices.dropFirst(headerIndex + 1) where !lines[index].allSatisfy(\.isWhitespace) {
            guard let row = StockCSV.fields(of: lines[index]) else { throw failure(index, "a quoted field is not closed; end it with \"") }
            guard row.count == header.count else {
                throw failure(index, "expected \(header.count) columns (\(header.joined(separator: ","))) but found \(row.count)")
            }
            if let problem = EmailAddress.problem(with: row[emailColumn]) { throw failure(index, problem) }
            let email = Customer.normalize(email: row[emailColumn])
            if let first = seen.updateValue(index + 1, forKey: email) {
                throw failure(index, "\(email) appears again; it is already on line \(first)")
            }
            let topics = topicsColumn.map { row[$0].split(separator: " ").map(String.init) } ?? []
            if let unknown = topics.first(where: { !known.contains($0) }) {
                throw failure(
                    index,
                    "topic \"\(unknown)\" is not one of [[newsletter_topics]] in shelf.toml (\(known.sorted().joined(separator: ", ")))")
            }
            let consent = consentColumn.map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            result.append(Line(email: email, topics: topics, consent: consent, line: index + 1))
        }
        return result
    }

    /// The subscribers as CSV: `email,status,topics,created_at,confirmed_at,unsubscribed_at`,
    /// times as Unix seconds, empty when not yet.
    public static func write(_ subscribers: [Subscriber]) -> String {
        var out = "email,status,topics,created_at,confirmed_at,unsubscribed_at\n"
        for subscriber in subscribers {
            let fields = [
                subscriber.email, subscriber.status.rawValue, subscriber.topics.joined(separator: " "), String(subscriber.createdAt),
                subscriber.confirmedAt.map(String.init) ?? "", subscriber.unsubscribedAt.map(String.init) ?? "",
            ]
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A field in quotes when it has a comma, quote or line break; a leading `=`, `+`, `-` or
    /// `@` is quoted too, so a spreadsheet does not run it as a formula.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { ",\"\n\r".contains($0) }) || field.first.map({ "=+-@".contains($0) }) == true else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
