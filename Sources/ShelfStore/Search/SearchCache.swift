import Synchronization

/// The ``SearchCatalogue`` a store keeps between searches, brought up to date with the stock
/// changes since the last search and, when the index changed (its version in `search_state`
/// moved), patched with the rows written since (``SearchCatalogue/patched(_:to:)``), or read
/// whole when it cannot be. A FastCGI process reads the catalogue whole once; a CGI process,
/// once per request.
final class SearchCache: Sendable {
    private let held = Mutex<SearchCatalogue?>(nil)
    /// Postings read by spelling, and the index version they belong to.
    private let postings = Mutex<(version: Int64, bySpelling: [SearchSpelling: SearchPostings])>((-1, [:]))
    /// How many spellings' postings a process keeps before it starts again (a few MB at most).
    private static let heldSpellings = 4096
    /// The review summaries and averages searches show and filter by (``ratings(version:catalogue:read:)``).
    let heldRatings = Mutex<SearchRatings?>(nil)

    /// The catalogue as the database holds it now; call it in a snapshot (the match keys of
    /// a text search are those of the same snapshot).
    func catalogue(_ database: any Database) throws -> SearchCatalogue {
        try held.withLock { held in
            let state = try SearchIndexState.read(database)
            var catalogue: SearchCatalogue
            if let kept = held, kept.indexVersion == state.version, kept.schema == state.schema {
                catalogue = kept
            } else if let kept = held, let (patched, change) = try kept.patched(database, to: state) {
                catalogue = patched
                keepPostings(from: kept.indexVersion, to: state.version, except: change)
            } else {
                catalogue = try SearchCatalogue.read(database)
            }
            // Let go of the kept copy first, so the stock is updated in place, not copied.
            held = nil
            try catalogue.readStock(database)
            held = catalogue
            return catalogue
        }
    }

    /// Moves the postings kept at index version `old` to `new`, without those `change` touches.
    private func keepPostings(from old: Int64, to new: Int64, except change: SearchCatalogue.PostingsChange) {
        postings.withLock { held in
            guard held.version == old else { return }
            held.bySpelling = held.bySpelling.filter { !change.touches($0.key, $0.value) }
            held.version = new
        }
    }

    /// The postings of `spelling` at index `version`: kept ones, or those `read` answers.
    func postings(of spelling: SearchSpelling, version: Int64, read: () throws -> SearchPostings) throws -> SearchPostings {
        if let kept = postings.withLock({ $0.version == version ? $0.bySpelling[spelling] : nil }) { return kept }
        let found = try read()
        postings.withLock { held in
            if held.version != version || held.bySpelling.count >= Self.heldSpellings { held = (version, [:]) }
            held.bySpelling[spelling] = found
        }
        return found
    }
}
