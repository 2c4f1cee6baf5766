import ShelfCore

/// An outbox row's `data`: a flat JSON object of strings.
enum OutboxData {
    static func encode(_ data: [String: String]) -> String {
        JSON.object(data.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }).text
    }

    static func decode(_ text: String) throws -> [String: String] {
        let members: [(String, JSON)]
        do {
            guard let parsed = try JSON.parse(Array(text.utf8)).members else {
                throw DatabaseError(message: "outbox data is not an object")
            }
            members = parsed
        } catch let error as JSONError {
            throw DatabaseError(message: "outbox data: \(error)")
        }
        var data: [String: String] = [:]
        for (key, value) in members {
            guard let string = value.string else { throw DatabaseError(message: "outbox data \"\(key)\" is not a string") }
            data[key] = string
        }
        return data
    }
}
