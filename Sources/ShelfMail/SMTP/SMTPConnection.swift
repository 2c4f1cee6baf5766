import CCurl
import Foundation

/// The libcurl handle of one ``SMTPTransport``, made on first use and kept, with its open
/// connection, until the transport is gone. Sends through it take turns.
final class SMTPConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: UnsafeMutableRawPointer?

    /// Runs `body` with the handle, alone.
    func withHandle(_ body: (UnsafeMutableRawPointer) throws(MailDeliveryError) -> Void) throws(MailDeliveryError) {
        lock.lock()
        defer { lock.unlock() }
        if handle == nil { handle = curl_easy_init() }
        guard let handle else { throw MailDeliveryError("libcurl could not start", isPermanent: false) }
        try body(handle)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }
}
