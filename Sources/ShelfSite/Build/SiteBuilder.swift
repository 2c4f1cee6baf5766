import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

/// Builds a store's site: the named steps from content files to a published `site/` folder.
///
/// ```swift
/// let summary = try SiteBuilder(folder: StoreFolder("shop")).build()
/// print(summary)   // Built 412 files (412 written, 0 unchanged) in 0.31 s
/// ```
public struct SiteBuilder: Sendable {
    public let folder: StoreFolder

    public init(folder: StoreFolder) {
        self.folder = folder
    }

    /// What to do beyond rendering.
    public struct Options: Sendable {
        /// Re-render everything even when the cache says it is unchanged.
        public var full = false
        /// Where the site goes; `nil` means the store's `site/` folder.
        public var destination: String?
        /// Sync the catalogue into the database (off for `shelf check`, which changes nothing).
        public var syncDatabase = true
        public var quiet = false
        /// The content files the caller knows changed, when it vouches that no other did (stock
        /// levels are always read from the database): the fast path then stats only these instead
        /// of every product file. `nil`, the default, scans them all.
        public var changedFiles: [String]?

        public init(
            full: Bool = false, destination: String? = nil, syncDatabase: Bool = true, quiet: Bool = false,
            changedFiles: [String]? = nil
        ) {
            self.full = full
            self.destination = destination
            self.syncDatabase = syncDatabase
            self.quiet = quiet
            self.changedFiles = changedFiles
        }
    }

    /// What a build did.
    public struct Summary: Sendable, CustomStringConvertible {
        /// Files of the site, `.gz` copies not counted.
        public var files: Int
        /// Files (and `.gz` copies) written this time, relative to `site/`, sorted.
        public var written: [String]
        /// Files deleted because nothing builds them any more.
        public var removed: [String]
        public var incremental: Bool
        /// True when only product pages were re-rendered, without planning the whole site.
        public var fastPath = false
        /// On the fast path, how many product files it looked at, of how many: all of them, or
        /// those it was told changed (`Options.changedFiles`).
        public var productFilesLookedAt: (looked: Int, of: Int)?
        /// Links in content files to paths the site does not have: warnings for `shelf build`,
        /// errors for `shelf check`.
        public var brokenLinks: [LinkChecker.BrokenLink] = []
        public var seconds: Double
        /// The database's stock version the pages are now up to date with, the catalogue's own
        /// sync included (new SKUs move it); nil when the build did not sync the database.
        /// `shelf serve` takes it as seen, so that the build's own writes start no build.
        public var stockVersion: Int64?

        public var description: String {
            let writtenFiles = written.filter { !$0.hasSuffix(".gz") }.count
            let looked = productFilesLookedAt.map { ", \($0.looked) of \($0.of) product files looked at" } ?? ""
            let kind = fastPath ? "incremental, product pages only" + looked : incremental ? "incremental" : "full"
            return
                "Built \(files) files (\(writtenFiles) written, \(files - writtenFiles) unchanged\(removed.isEmpty ? "" : ", \(removed.count) removed")) in \(String(format: "%.2f", seconds)) s, \(kind)"
        }
    }

    public static let steps = ["Load content", "Load theme", "Sync catalogue", "Plan pages", "Render pages", "Publish site"]

    public func build(_ options: Options = Options()) throws -> Summary {
        let started = DispatchTime.now()
        let progress = Progress(steps: Self.steps.count, quiet: options.quiet)
        let ownSite = options.destination == nil
        // Builds into another folder (`shelf check`) share nothing with the store's own builds.
        let lock = ownSite ? try lockBuilds() : nil
        defer { lock?.release() }
        let fastPath = FastPath(folder: folder, progress: progress, changedFiles: options.changedFiles)
        // The theme loads beside the fast path's look at what changed; the ordinary path completes
        // the same load when the fast path does not apply.
        var early: FastPath.EarlyTheme? = nil
        defer { early?.finish() }
        if options.full || !ownSite || !options.syncDatabase {
            try? FileManager.default.removeItem(atPath: fastPath.statePath)
        } else {
            let theme = FastPath.EarlyTheme(folder)
            early = theme
            do {
                if let summary = try fastPath.build(started: started, theme: theme) { return summary }
            } catch let failure as BuildFailure {
                throw failure
            } catch {
                // Anything unexpected on the fast path: the ordinary path does it all and reports properly.
            }
        }

        progress.begin(Self.steps[0])
        // Only builds of the store's own site keep caches; --full parses every file again.
        let contentCache = ownSite ? folder.workFolder + "/content-cache" : nil
        if options.full, let contentCache { try? FileManager.default.removeItem(atPath: contentCache) }
        if contentCache != nil { try? FileManager.default.createDirectory(atPath: folder.workFolder, withIntermediateDirectories: true) }
        var content = try ContentLoader.load(folder, cache: contentCache)
        content.now = CampaignSchedule.now()

        progress.begin(Self.steps[1])
        let theme = try early?.whole(named: content.config.theme) ?? Theme.load(folder, name: content.config.theme)

        progress.begin(Self.steps[2])
        let statePath = ownSite ? folder.workFolder + "/catalogue-state" : nil
        if options.full, let statePath { try? FileManager.default.removeItem(atPath: statePath) }
        let (stock, reviews, sync) = try syncCatalogue(
            content, write: options.syncDatabase, full: options.full, statePath: statePath, progress: progress)

        progress.begin(Self.steps[3])
        let assets = theme.fingerprintedAssets
        let model = SiteModel(
            content: content.withSalePrices, stock: stock, reviews: reviews,
            assetURLs: Dictionary(uniqueKeysWithValues: assets.map { ($0.name, $0.path) }), theme: theme)
        let outputs = Planner(model: model, theme: theme, folder: folder, assets: assets).outputs()
        try sync.first { try checkUnique(outputs) }

        let site = options.destination ?? folder.siteFolder
        // Only the store's own site/ keeps a cache; other destinations are built whole.
        let cachePath = options.destination == nil ? folder.workFolder + "/build-cache" : nil
        let previous = options.full || !FileManager.default.fileExists(atPath: site) ? nil : cachePath.flatMap(BuildCache.load)
        let changed = outputs.filter { previous?.fingerprints[$0.path] != $0.fingerprint }
        let current = Set(outputs.map(\.path))
        let brokenLinks = LinkChecker.check(content, folder: folder, sitePaths: current)
        // Assets the last build stopped naming stay for this one build more (pages browsers hold
        // still name them); what the build before retired goes now.
        let retiredPath = cachePath == nil ? nil : folder.workFolder + "/retired-assets"
        let retiredBefore = retiredPath.map(RetiredAssets.load) ?? []
        let gone = previous.map { $0.fingerprints.keys.filter { !current.contains($0) }.sorted() } ?? []
        var retired = retiredPath == nil ? [] : gone.filter(RetiredAssets.isAsset)
        let removed = gone.filter { !retired.contains($0) } + retiredBefore.filter { !current.contains($0) && !gone.contains($0) }

        progress.begin(Self.steps[4])
        let staging = options.destination.map { $0 + ".staging" } ?? folder.workFolder + "/staging"
        let writer = try sync.first { try SiteWriter(staging: staging, precompress: content.config.precompress) }
        let counter = Counter()
        let results = changed.parallelMap { output -> Result<[String], SiteError> in
            defer { progress.advance(Self.steps[4], done: counter.increment(), of: changed.count) }
            do {
                return .success(try writer.stage(output))
            } catch let error as SiteError {
                return .failure(error)
            } catch {
                return .failure(SiteError(output.path, "\(error)"))
            }
        }
        var written: [String] = []
        var problems = Problems()
        for result in results {
            switch result {
            case .success(let paths): written += paths
            case .failure(let error): problems.add(error)
            }
        }
        if !problems.isEmpty { try? FileManager.default.removeItem(atPath: staging) }
        try sync.first { try problems.throwIfAny(step: Self.steps[4]) }
        let stockVersion: Int64
        do {
            stockVersion = try sync.finish()
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }

        progress.begin(Self.steps[5])
        do {
            if previous == nil {
                if retiredPath != nil { retired = writer.carryAssets(from: site, except: Set(retiredBefore)) }
                try writer.publishWhole(as: site)
            } else {
                try writer.publishChanges(written, removing: removed, into: site)
            }
            if let retiredPath { try RetiredAssets.save(retired, to: retiredPath) }
            if options.destination == nil {
                try SiteValuesFile.write(model.siteValues, to: folder.workFolder + "/site-values.json")
                try CampaignSchedule.record(content.campaigns, now: content.now, in: folder)
                if options.syncDatabase {
                    // The pages are out: campaigns they no longer show stop past their end.
                    try Store.open(try folder.databaseLocation(config: content.config)).markShown(content.campaignsShowingSalePrices)
                }
            }
            if let cachePath {
                var cache = BuildCache()
                for output in outputs { cache.fingerprints[output.path] = output.fingerprint }
                try cache.save(to: cachePath)
                if options.syncDatabase {
                    try FastPathState(after: model, outputs: outputs, stockVersion: stockVersion, folder: folder).save(
                        to: fastPath.statePath)
                }
            }
        } catch let error as SiteError {
            throw BuildFailure(step: Self.steps[5], errors: [error])
        } catch {
            throw BuildFailure(step: Self.steps[5], errors: [SiteError(folder.relative(site), "cannot be published: \(error)")])
        }
        progress.endStep()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var summary = Summary(
            files: outputs.count, written: written.sorted(), removed: removed, incremental: previous != nil, seconds: seconds)
        summary.brokenLinks = brokenLinks
        summary.stockVersion = options.syncDatabase ? stockVersion : nil
        progress.print(summary.description)
        return summary
    }

    /// Waits for any other build of the store's own site to finish, saying so on stderr.
    private func lockBuilds() throws(BuildFailure) -> BuildLock {
        do {
            return try BuildLock.acquire(folder) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        } catch {
            throw BuildFailure(step: Self.steps[0], errors: [error])
        }
    }

    /// Reads the stock and the reviews pages show (migrating the database first), and starts
    /// the catalogue's sync into the database beside the rest of the build.
    private func syncCatalogue(
        _ content: StoreContent, write: Bool, full: Bool, statePath: String?, progress: Progress
    ) throws(BuildFailure) -> (stock: [String: Int], reviews: SiteReviews, sync: CatalogueSyncBeside) {
        let location: DatabaseLocation
        do {
            location = try folder.databaseLocation(config: content.config)
        } catch {
            throw BuildFailure(step: Self.steps[2], errors: [error])
        }
        let failure = { @Sendable (error: any Error) in
            BuildFailure(step: Self.steps[2], errors: [SiteError(folder.databaseName(location), "\(error)")])
        }
        do {
            if !write {
                let nothing = CatalogueSyncBeside(nothingAt: 0)
                guard folder.hasDatabase(location) else { return ([:], SiteReviews(), nothing) }
                let store = try Store.open(location)
                // A database not yet migrated to reviews has none to show; checking changes nothing.
                let reviews = (try? SiteReviews.read(store, perProduct: content.config.reviews.onPage)) ?? SiteReviews()
                return (try store.allStockLevels(), reviews, nothing)
            }
            let store = try Store.open(location)
            try store.migrate()
            var state = statePath.flatMap(CatalogueState.load) ?? CatalogueState()
            try state.readStock(store)
            let reviews = try SiteReviews.read(store, perProduct: content.config.reviews.onPage)
            let read = state
            let sync = CatalogueSyncBeside {
                let started = DispatchTime.now()
                defer { progress.timing("Sync catalogue, beside the plan and the render", since: started) }
                do {
                    var state = read
                    let store = try Store.open(location)
                    // --full trusts no record of an earlier sync, the database's own included.
                    try state.sync(store, content: content, trustingDatabase: !full)
                    try store.syncCampaigns(
                        content.campaignRecords, currency: content.config.currency, showing: content.campaignsShowingSalePrices)
                    if let statePath { try state.save(to: statePath) }
                    return .success(state.stockVersion)
                } catch {
                    return .failure(failure(error))
                }
            }
            return (state.stock, reviews, sync)
        } catch {
            throw failure(error)
        }
    }

    /// Two outputs at one path means two pieces of content claim the same URL.
    private func checkUnique(_ outputs: [Output]) throws(BuildFailure) {
        var seen: Set<String> = []
        var problems = Problems()
        for output in outputs where !seen.insert(output.path).inserted {
            problems.add(
                output.path, line: nil,
                "two pages would be written here; rename a handle, a category or a static file so each URL is unique")
        }
        try problems.throwIfAny(step: Self.steps[3])
    }
}

/// A thread-safe counter for progress.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
