import ShelfConfig

extension FastPath {
    /// The theme loaded on a thread of its own from the start of a build, with only the product
    /// page's templates parsed (``FastPath/templates``): the fast path renders from it, and the
    /// ordinary path, when the fast path does not apply, completes it instead of loading again.
    final class EarlyTheme: Sendable {
        private let work: BackgroundWork<(name: String, theme: Result<Theme, BuildFailure>)?>

        init(_ folder: StoreFolder) {
            work = BackgroundWork { () -> (name: String, theme: Result<Theme, BuildFailure>)? in
                guard let config = try? StoreConfig.load(from: folder.root) else { return nil }
                do throws(BuildFailure) {
                    return (config.theme, .success(try Theme.load(folder, name: config.theme, only: FastPath.templates)))
                } catch {
                    return (config.theme, .failure(error))
                }
            }
        }

        /// The theme `name` with the product page's templates parsed, or its load's failure; nil
        /// when `shelf.toml` could not be read or named another theme.
        func forProductPages(named name: String) throws(BuildFailure) -> Theme? {
            guard let early = work.value(), early.name == name else { return nil }
            return try early.theme.get()
        }

        /// The theme `name` with every template parsed; nil when the early load failed (a load of
        /// the whole theme reports every problem, not only the product page's) or was of another theme.
        func whole(named name: String) throws(BuildFailure) -> Theme? {
            guard let early = work.value(), early.name == name, case .success(let theme) = early.theme else { return nil }
            return try theme.completed()
        }

        /// Waits for the load to end, so that no build leaves work running behind it.
        func finish() {
            _ = work.value()
        }
    }
}
