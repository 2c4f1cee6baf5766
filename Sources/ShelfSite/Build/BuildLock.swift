import Foundation
import Glibc
import ShelfConfig

/// Lets one build of a store run at a time: `shelf build` while `shelf serve` rebuilds would
/// otherwise share `.shelf/staging` and remove each other's files.
///
/// The lock is an `flock` on `.shelf/build.lock`, so it goes when its process does, even after
/// `kill -9`. A second build waits for the first and says so on stderr.
///
/// ```swift
/// let lock = try BuildLock.acquire(folder) { print($0) }
/// defer { lock.release() }
/// ```
final class BuildLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the store's build lock, waiting for another build to finish; `waiting` is told once
    /// when it has to wait.
    static func acquire(_ folder: StoreFolder, waiting: (String) -> Void) throws(SiteError) -> BuildLock {
        let path = folder.workFolder + "/build.lock"
        try? FileManager.default.createDirectory(atPath: folder.workFolder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteError(
                folder.relative(path), "cannot be opened (\(String(cString: strerror(errno)))); check the permissions of .shelf/")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting("Another build of this store is running; waiting for it to finish…")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw SiteError(folder.relative(path), "cannot be locked (\(reason))")
                }
            }
        }
        return BuildLock(descriptor: descriptor)
    }

    /// Lets the next build run.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
