import Synchronization

/// The FastCGI request being handled, for the watchdog's thread, which answers it when the
/// handler overruns while the responder's own thread is stuck in it.
final class CurrentRequest: Sendable {
    private let request = Mutex<(fd: Int32, id: Int)?>(nil)

    func start(fd: Int32, id: Int) { request.withLock { $0 = (fd, id) } }
    func finish() { request.withLock { $0 = nil } }

    /// Writes `output` as the current request's whole answer, if one is being handled.
    func answer(with output: [UInt8]) {
        guard let (fd, id) = request.withLock({ $0 }) else { return }
        _ = FastCGIConnection.write(FastCGIRecord.answer(output, id: id), to: fd)
    }
}
