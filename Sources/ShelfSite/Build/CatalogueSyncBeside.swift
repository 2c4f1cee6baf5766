import Foundation

/// A build's catalogue sync (and search indexing) into the database, running on its own thread
/// while the pages are planned and rendered: the database and the pages each keep a core busy.
///
/// The site is published only after ``finish()``; a sync that fails fails the build as it did
/// when it ran before the plan, with its own error first.
struct CatalogueSyncBeside: Sendable {
    /// Gives the stock version the pages' stock stands for, or why the sync failed.
    private let work: BackgroundWork<Result<Int64, BuildFailure>>?
    private let version: Int64

    /// Nothing to sync (`shelf check`): the stock was read at `version`.
    init(nothingAt version: Int64) {
        work = nil
        self.version = version
    }

    init(_ sync: @escaping @Sendable () -> Result<Int64, BuildFailure>) {
        work = BackgroundWork(sync)
        version = 0
    }

    /// Runs a step of the build; when it fails and the sync failed too, the sync's failure is
    /// the one reported, as its step comes first.
    func first<T>(_ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch {
            if case .failure(let failure)? = work?.value() { throw failure }
            throw error
        }
    }

    /// Waits for the sync; returns the stock version to record for the next build.
    func finish() throws(BuildFailure) -> Int64 {
        guard let work else { return version }
        return try work.value().get()
    }
}
