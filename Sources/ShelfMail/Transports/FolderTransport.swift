import Glibc

/// Writes each message to `FOLDER/MESSAGE-ID.eml` instead of sending it: the demo store's and
/// `shelf serve`'s mailbox, which any mail program can open.
///
/// The file is written beside its final name and renamed into place, so a reader never sees half
/// a message and a repeated send of the same message id replaces the file instead of adding one.
public struct FolderTransport: MailTransport {
    /// The folder, created (with its parents) when missing.
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The file a message is written to.
    public func path(of message: MailMessage) -> String { "\(folder)/\(message.messageID).eml" }

    public func send(_ message: MailMessage) throws(MailDeliveryError) {
        try createFolderIfNeeded()
        let path = path(of: message)
        let temporary = "\(folder)/.\(message.messageID).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        let bytes = message.encoded()
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let error = failure("cannot write \(temporary)")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let error = failure("cannot write \(temporary)")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename \(temporary) to \(path)")
            unlink(temporary)
            throw error
        }
    }

    private func createFolderIfNeeded() throws(MailDeliveryError) {
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o750) != 0, errno != EEXIST { throw failure("cannot create the folder \(path)") }
        }
    }

    /// The failure with the system's reason; never permanent, since a full disk or a wrong
    /// permission can be fixed.
    private func failure(_ what: String) -> MailDeliveryError {
        MailDeliveryError("\(what): \(String(cString: strerror(errno)))", isPermanent: false)
    }
}
