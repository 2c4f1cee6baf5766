import Foundation
import ShelfStore

/// A failure of the machine's storage while a handler ran: the disk is full, a read or write
/// failed, the database stayed locked. It passes, so the shopper gets a 503 with `Retry-After`
/// and a page that says to try again shortly, never "Something went wrong".
enum StorageFailure {
    /// Seconds a client is asked to wait before trying again.
    static let retryAfterSeconds = 30

    /// The answer to a storage failure.
    static var answer: HTTPError {
        HTTPError(
            503, "The shop cannot save anything just now. Nothing was lost: please try again in a minute.",
            log: "storage failure (logged above); answered 503", headers: [("Retry-After", String(retryAfterSeconds))])
    }

    /// True for a database's storage failure and for the file system's ENOSPC, EDQUOT and EIO.
    static func matches(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.isStorageFailure }
        if let error = error as? CocoaError, error.code == .fileWriteOutOfSpace { return true }
        let error = error as NSError
        return error.domain == NSPOSIXErrorDomain && [ENOSPC, EDQUOT, EIO].contains(Int32(error.code))
    }
}
