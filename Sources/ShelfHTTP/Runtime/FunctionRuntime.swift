import Glibc
import ShelfStore

/// Runs a function the way the web server started it: one CGI request, or a FastCGI loop.
///
/// A FastCGI responder finds a listening socket on its stdin, which has no peer; a CGI process
/// finds the request body there (a file, a pipe or a connected socket).
struct FunctionRuntime {
    let function: Function

    func run() -> Never {
        signal(SIGPIPE, SIG_IGN)
        // Whatever a function creates (SQLite's -wal and -shm files among them) is its user's alone.
        umask(0o077)
        let log = Self.logger(for: function.name)
        if !Self.stdinIsListening() {
            let environment = Self.environment(environ)
            let responder = Responder(function: function, context: Self.context(environment, log: log), log: log)
            let watchdog = Watchdog { response in
                Self.write(response, to: 1)
                exit(0)
            }
            var body = FileBody(fd: 0)
            guard let response = responder.respond(to: CGIVariables(environment), body: &body, watchdog: watchdog) else {
                Self.waitForExit()
            }
            // A refused request leaves its body unread. A process that exits with unread input on
            // a socket (Apache's mod_cgid hands the body over one) makes the kernel reset the
            // connection, and the server loses the answer: read the rest first.
            body.discardRest(of: environment["CONTENT_LENGTH"])
            Self.write(response, to: 1)
            // The answer is complete once stdout closes. A database file whose log has grown long
            // is closed after it (a checkpoint, when this process is the last to close it), so
            // the next CGI process finds a short log to read.
            Glibc.close(1)
            responder.context?.storeIfOpened?.closeBeforeExit(onlyLongLogs: true)
            exit(0)
        }
        serveFastCGI(log: log)
    }

    /// Answers FastCGI requests until the web server closes the socket or asks the process to
    /// end. The store is read from the process environment, or from the first request's
    /// parameters when the spawner set none.
    ///
    /// Analytics events are kept and written in batches (``EventBatch``): after an answer when
    /// the batch is due; when no request has come for ``EventBatch/quietSpell`` after the last
    /// answer, so a lone request's event is stored a few milliseconds after its answer; and
    /// before the process ends. A busy process so shares one transaction among many requests.
    private func serveFastCGI(log: @escaping @Sendable (String) -> Void) -> Never {
        let current = CurrentRequest()
        let watchdog = Watchdog { response in
            current.answer(with: response.cgiBytes)
            // The handler cannot be stopped and may hold the database: start afresh.
            log("exiting after an overrunning request; the web server starts a new process")
            exit(75)
        }
        StopSignal.install()
        var responder: Responder?
        if getenv("SHELF_ROOT") != nil {
            responder = Self.batching(Responder(function: function, context: Self.context(Self.environment(environ), log: log), log: log))
        }
        var listener = Listener(groupsRequests: function.groupsRequests)
        connections: while true {
            let connection: FastCGIConnection
            if let carried = listener.takeCarried() {
                connection = carried
            } else {
                Self.writeEventsWhenQuiet(listeningOn: 0, responder)
                if StopSignal.isReceived { Self.end(responder) }
                guard let accepted = listener.accept() else {
                    switch errno {
                    case EINTR, ECONNABORTED: continue connections
                    case EAGAIN, EWOULDBLOCK:
                        Self.waitForConnection()
                        continue connections
                    default: Self.end(responder)
                    }
                }
                connection = accepted
            }
            while let request = connection.nextRequest() {
                let serving =
                    responder
                    ?? Self.batching(Responder(function: function, context: Self.context(request.variables.dictionary, log: log), log: log))
                responder = serving
                if function.groupsRequests, !request.keepsConnection, let store = Self.groupingStore(serving) {
                    let group = listener.gather(after: (connection, request))
                    if group.count > 1 {
                        Self.answer(group, together: store, serving, current, watchdog, log: log)
                        listener.release(group)
                        continue connections
                    }
                }
                connection.answer(request, with: Self.respond(to: (connection, request), serving, current, watchdog))
                if let context = serving.context, context.pendingEvents.isDue { context.writePendingEvents() }
                if !request.keepsConnection || StopSignal.isReceived { break }
                // The server keeps this connection: its next request comes here, not on stdin.
                if !connection.hasBufferedInput { Self.writeEventsWhenQuiet(listeningOn: connection.fd, serving) }
            }
            listener.release(connection)
        }
    }

    /// `responder`'s answer to one request, the watchdog guarding it.
    private static func respond(
        to member: Listener.Member, _ responder: Responder, _ current: CurrentRequest, _ watchdog: Watchdog
    ) -> Response {
        current.start(fd: member.connection.fd, id: member.request.id)
        var body = BytesBody(member.request.body)
        // The watchdog answered: it ends the process.
        guard let response = responder.respond(to: member.request.variables, body: &body, watchdog: watchdog) else {
            Self.waitForExit()
        }
        current.finish()
        return response
    }

    /// The store a group of requests shares a transaction on, when the engine groups them and
    /// an earlier request has opened it.
    private static func groupingStore(_ responder: Responder) -> Store? {
        guard let store = responder.context?.storeIfOpened, store.groupsRequests else { return nil }
        return store
    }

    /// Answers `group` in one transaction (``Store/grouped(writing:_:)``), then writes their
    /// answers: none before the commit, so no shopper is told of a change that was then lost.
    /// When the group cannot be committed, each gets the storage failure's 503.
    private static func answer(
        _ group: [Listener.Member], together store: Store, _ responder: Responder, _ current: CurrentRequest,
        _ watchdog: Watchdog, log: (String) -> Void
    ) {
        let writing = group.contains {
            let method = $0.request.variables["REQUEST_METHOD"]
            return method != "GET" && method != "HEAD"
        }
        var responses: [Response] = []
        responses.reserveCapacity(group.count)
        let events = responder.context?.pendingEvents
        let mark = events?.heldCount ?? 0
        do {
            try store.grouped(writing: writing) {
                for member in group { responses.append(Self.respond(to: member, responder, current, watchdog)) }
            }
        } catch {
            log("a group of \(group.count) requests could not be committed, none of their changes was made: \(error)")
            responses = group.map { responder.storageFailure(to: $0.request.variables) }
            events?.forget(keptAfter: mark)
        }
        for (member, response) in zip(group, responses) {
            member.connection.answer(member.request, with: response)
        }
        if let context = responder.context, context.pendingEvents.isDue { context.writePendingEvents() }
    }

    /// Waits until a connection is waiting on the listening socket (or a signal came).
    private static func waitForConnection() {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        _ = poll(&input, 1, -1)
    }

    /// `responder`, its context keeping analytics events for batches.
    private static func batching(_ responder: Responder) -> Responder {
        responder.context?.pendingEvents.keepEvents()
        return responder
    }

    /// Waits for input on `fd` (the listening socket, or a connection the server keeps) while
    /// analytics events are held, at most until the batch's ``EventBatch/quietWait`` is over,
    /// and writes them if none came: a busy process finds its next request there at once.
    private static func writeEventsWhenQuiet(listeningOn fd: Int32, _ responder: Responder?) {
        guard let context = responder?.context, let wait = context.pendingEvents.quietWait else { return }
        var input = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        // A signal (SIGTERM) ends the wait early; the loop then ends the process, writing them.
        if poll(&input, 1, wait) == 0 { context.writePendingEvents() }
    }

    /// Writes the analytics events kept, closes the database files and ends the process.
    private static func end(_ responder: Responder?) -> Never {
        responder?.context?.writePendingEvents()
        responder?.context?.storeIfOpened?.closeBeforeExit()
        exit(0)
    }

    /// Whether stdin is a socket without a peer: the listening socket a FastCGI spawner hands over.
    private static func stdinIsListening() -> Bool {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(0, $0, &length) }
        }
        return named != 0 && errno == ENOTCONN
    }

    /// Parks the calling thread while the watchdog's thread answers and ends the process.
    private static func waitForExit() -> Never {
        while true { pause() }
    }

    private static func context(_ environment: [String: String], log: (String) -> Void) -> FunctionContext? {
        do {
            return try FunctionContext.load(environment: environment)
        } catch {
            log("cannot serve this store: \(error)")
            return nil
        }
    }

    /// `NAME=value` C strings as a dictionary.
    ///
    /// An ASCII entry (nearly all of them) is split at its first `=` byte; any other at its
    /// first `=` Character, which is the same place in ASCII.
    static func environment(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = pointer else { return result }
        while let entry = cursor.pointee {
            let bytes = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
            if bytes.allSatisfy({ $0 < 0x80 }) {
                if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                    result[String(decoding: bytes[..<equals], as: UTF8.self)] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                }
            } else {
                let text = String(cString: entry)
                if let equals = text.firstIndex(of: "=") {
                    result[String(text[..<equals])] = String(text[text.index(after: equals)...])
                }
            }
            cursor += 1
        }
        return result
    }

    static func logger(for name: String) -> @Sendable (String) -> Void {
        { message in
            let line = Array("shelf-\(name): \(message)\n".utf8)
            _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }

    private static func write(_ response: Response, to fd: Int32) {
        let bytes = response.cgiBytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

/// The body on a file descriptor: stdin under CGI.
struct FileBody: BodySource {
    let fd: Int32
    /// The bytes read so far.
    private var consumed = 0

    init(fd: Int32) {
        self.fd = fd
    }

    /// Reads and drops what is left of a body of `declared` bytes, at most 1 MiB more; the web
    /// server refuses larger bodies to /fn/ before a function starts.
    mutating func discardRest(of declared: String?) {
        guard let declared, let total = Int(declared), total > consumed else { return }
        var left = min(total - consumed, 1 << 20)
        var buffer = [UInt8](repeating: 0, count: 16384)
        while left > 0 {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, left)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return }
            left -= got
        }
    }

    mutating func read(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes[filled...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            filled += got
        }
        consumed += count
        return bytes
    }
}
