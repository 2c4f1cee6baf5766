import CShelfSystem
import Foundation
import Glibc
import ShelfConfig

/// Puts rendered files in place so that a failed build never leaves a half-written site.
///
/// A full build writes a whole new folder and exchanges it with `site/` in one atomic
/// `renameat2(RENAME_EXCHANGE)`; the previous site is then deleted in the background
/// (``RetiredSite``). An incremental build first writes every changed file into the
/// staging folder, and only when all are rendered moves each into `site/` with an atomic rename.
struct SiteWriter {
    let staging: String
    let precompress: Bool

    init(staging: String, precompress: Bool) throws {
        self.staging = staging
        self.precompress = precompress
        SiteWriter.removeTree(staging)
        RetiredSite.sweep(beside: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    /// Writes one output into the staging folder, with its `.gz` copy when worthwhile; returns
    /// the relative paths written.
    func stage(_ output: Output) throws -> [String] {
        let bytes = output.produce()
        let target = staging + "/" + output.path
        try write(bytes, to: target)
        guard precompress, output.isCompressible else { return [output.path] }
        try write(Gzip.compress(bytes), to: target + ".gz")
        return [output.path, output.path + ".gz"]
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        // Plain POSIX calls: the staging folder is private, so no temporary file is needed here.
        // The file is opened first and its folders are made only when that fails: most files
        // share a folder made for an earlier one, and a site of 16,000 pages would otherwise
        // spend tens of thousands of stat calls asking.
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeFolders(String(path[..<path.lastIndex(of: "/")!]))
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw SiteError(path, "cannot be written (\(String(cString: strerror(errno)))); check the disk space and permissions")
        }
        defer { close(descriptor) }
        let written = writeAll(bytes, to: descriptor)
        guard written else {
            throw SiteError(path, "cannot be written (\(String(cString: strerror(errno)))); check the disk space")
        }
    }

    /// Makes a folder and any missing parents; another thread making the same one is fine.
    private func makeFolders(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw SiteError(path, "cannot be created (\(String(cString: strerror(errno)))); check the disk space and permissions")
        }
        try makeFolders(String(path[..<slash]))
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw SiteError(path, "cannot be created (\(String(cString: strerror(errno)))); check the disk space and permissions")
        }
    }

    /// `paths` in the order they may be published: everything but pages first, then pages not
    /// yet in the site, then the pages they replace; each group in its given order.
    static func publishingOrder(_ paths: [String], isNew: (String) -> Bool) -> [String] {
        var (others, added, changed): ([String], [String], [String]) = ([], [], [])
        for path in paths {
            if !path.hasSuffix(".html") && !path.hasSuffix(".html.gz") {
                others.append(path)
            } else if isNew(path) {
                added.append(path)
            } else {
                changed.append(path)
            }
        }
        return others + added + changed
    }

    /// Links the fingerprinted assets of the site being replaced into the staging folder, except
    /// those `retired` by an earlier build: a page a browser loaded from the old site still finds
    /// its stylesheet after the swap. Returns the asset paths carried over (`assets/app.1a2b.css`).
    func carryAssets(from site: String, except retired: Set<String>) -> [String] {
        var carried: Set<String> = []
        for file in Theme.files(under: site + "/assets", extension: nil) {
            let path = "assets/" + file
            let asset = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
            guard !retired.contains(asset), access(staging + "/" + path, F_OK) != 0 else { continue }
            let (source, target) = (site + "/" + path, staging + "/" + path)
            try? makeFolders(String(target[..<target.lastIndex(of: "/")!]))
            if link(source, target) == 0 || (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil {
                carried.insert(asset)
            }
        }
        return carried.sorted()
    }

    /// Replaces `site` with the staging folder as one atomic step.
    func publishWhole(as site: String) throws {
        if FileManager.default.fileExists(atPath: site) {
            guard c_shelf_exchange_paths(staging, site) == 0 else {
                throw SiteError(site, "cannot be replaced (\(String(cString: strerror(errno)))); the previous site is unchanged")
            }
        } else {
            try FileManager.default.moveItem(atPath: staging, toPath: site)
            return
        }
        // The staging path now holds the previous site.
        RetiredSite.retire(staging)
    }

    /// Deletes a folder and everything in it, deepest first, with plain POSIX calls: several
    /// times faster than Foundation's recursive removal on a site of tens of thousands of files.
    static func removeTree(_ path: String) {
        _ = c_shelf_remove_tree(path)
    }

    /// Moves staged files into `site` one atomic rename each and deletes files no longer built.
    ///
    /// The order keeps every page whole while it goes on, and after a crash part way: first the
    /// files pages name (assets, images, feeds), then new pages, then changed pages, and deletions
    /// last, so a published page never names a file that is not there yet.
    func publishChanges(_ paths: [String], removing removed: [String], into site: String) throws {
        for path in SiteWriter.publishingOrder(paths, isNew: { access(site + "/" + $0, F_OK) != 0 }) {
            let target = site + "/" + path
            let parent = String(target[..<target.lastIndex(of: "/")!])
            if !FileManager.default.fileExists(atPath: parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            guard rename(staging + "/" + path, target) == 0 else {
                throw SiteError(target, "cannot be replaced (\(String(cString: strerror(errno))))")
            }
        }
        for path in removed {
            try? FileManager.default.removeItem(atPath: site + "/" + path)
            try? FileManager.default.removeItem(atPath: site + "/" + path + ".gz")
            // Folders left empty (a removed product's) go too, up to site/ itself.
            var folder = (site + "/" + path as NSString).deletingLastPathComponent
            while folder.count > site.count, (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        try? FileManager.default.removeItem(atPath: staging)
    }
}
