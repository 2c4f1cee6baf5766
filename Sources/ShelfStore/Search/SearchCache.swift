import Synchronization

/// The ``SearchCatalogue`` a store keeps between searches: read whole when the index changed
/// (its version in `search_state` moved), otherwise brought up to date with the stock changes
/// since the last search. A FastCGI process reads the catalogue once per build; a CGI
/// process, once per request.
final class SearchCache: Sendable {
    private let held = Mutex<SearchCatalogue?>(nil)

    /// The catalogue as the database holds it now; call it in a snapshot (the match keys of
    /// a text search are those of the same snapshot).
    func catalogue(_ database: any Database) throws -> SearchCatalogue {
        try held.withLock { held in
            let version = try database.query("SELECT version FROM search_state WHERE id = 1").first?.int64("version") ?? 0
            var catalogue = try held.flatMap { $0.indexVersion == version ? $0 : nil } ?? SearchCatalogue.read(database)
            // Let go of the kept copy first, so the stock is updated in place, not copied.
            held = nil
            try catalogue.readStock(database)
            held = catalogue
            return catalogue
        }
    }
}
