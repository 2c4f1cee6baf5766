import Foundation
import Glibc

/// The database file, its `-wal` and `-shm` companions and the folder they live in, kept
/// private to the user that owns them: the folder 0700, the files 0600.
///
/// SQLite creates a database with mode 0644 and gives its `-wal` and `-shm` files the database's
/// mode, so any local user could read the customers' names and addresses. Creating the file
/// first with 0600 makes all three private. Files a store made before are tightened by
/// ``restrictAccess()`` (`shelf migrate`, `shelf build`).
public struct DatabaseFiles: Sendable {
    /// The database file.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    /// The folder the database is in.
    public var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The database and the files SQLite keeps beside it.
    public var files: [String] { [path, path + "-wal", path + "-shm"] }

    /// Creates the folder (0700) and an empty database file (0600) when they are missing: one
    /// `stat` each when they exist, since the functions open the store on every CGI request.
    func createIfNeeded() throws {
        var info = stat()
        if stat(folder, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if stat(path, &info) != 0 && errno == ENOENT {
            // O_EXCL: when another process created it meanwhile, its file stays as it is.
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
    }

    /// Takes group and other users' access away from the folder and the files this user owns;
    /// returns the paths it changed, for the merchant.
    @discardableResult
    public func restrictAccess() -> [String] {
        var changed: [String] = []
        for item in [folder] + files {
            var info = stat()
            guard lstat(item, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0,
                [S_IFDIR, S_IFREG].contains(info.st_mode & S_IFMT)
            else { continue }
            if chmod(item, info.st_mode & 0o700) == 0 { changed.append(item) }
        }
        return changed
    }
}
