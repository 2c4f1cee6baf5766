import Glibc

/// One connection from the web server, read record by record: the requests on it, each whole
/// (its parameters and its body) before it is answered, one at a time.
///
/// Management records are answered as they come (`GET_VALUES` with one connection and one
/// request at a time, any other with `UNKNOWN_TYPE`); a request in another role, or a second one
/// while one is open, is refused with its `END_REQUEST`. An aborted request is ended and
/// skipped.
///
/// ```swift
/// let connection = FastCGIConnection(fd: accept(0, nil, nil))
/// while let request = connection.nextRequest() {
///     connection.answer(request, with: cgiBytes(for: request))
///     if !request.keepsConnection { break }
/// }
/// connection.close()
/// ```
final class FastCGIConnection {
    /// A request read whole.
    struct Request {
        let id: Int
        let variables: CGIVariables
        let body: [UInt8]
        /// Whether the server asked to send more requests on this connection.
        let keepsConnection: Bool
    }

    /// The body kept of one request: more than any function accepts (the router refuses a larger
    /// `CONTENT_LENGTH` before reading); the rest is read and dropped.
    static let bodyLimit = 8 << 20

    /// The parameters kept of one request: far more than any web server sends (lighttpd and
    /// nginx refuse request heads over a few kilobytes); the rest is read and dropped.
    static let paramsLimit = 1 << 20

    private(set) var fd: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// False once the server has closed its end or the connection failed.
    private(set) var isOpen = true

    init(fd: Int32) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: 16384)
    }

    /// Reads the connection `fd` next, keeping this one's buffer, once ``close()`` has closed
    /// the last: lighttpd opens a connection for every request, and a fresh buffer cost each
    /// request an allocation and the zeroing of 16 KiB.
    func reuse(for fd: Int32) {
        self.fd = fd
        start = 0
        end = 0
        isOpen = true
    }

    /// Whether bytes of the next record have arrived already: the server sent another request
    /// on a connection it keeps before the last was answered.
    var hasBufferedInput: Bool { end > start }

    /// Reads what has arrived on a connection just accepted, without waiting; false when
    /// nothing has yet. The server closing it counts as arrived: ``nextRequest()`` then finds
    /// its end. One call where a `poll` and then a read would take two.
    func receiveArrived() -> Bool {
        let got = buffer.withUnsafeMutableBytes { bytes in
            recv(fd, bytes.baseAddress! + end, bytes.count - end, Int32(MSG_DONTWAIT))
        }
        if got > 0 {
            end += got
            return true
        }
        if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return false }
        isOpen = false
        return true
    }

    /// The next request in the responder role, or nil when the server closed the connection.
    func nextRequest() -> Request? {
        var open: (id: Int, keeps: Bool)?
        var params: [UInt8] = []
        var paramsEnded = false
        var body: [UInt8] = []
        while let (type, id, content) = nextRecord() {
            if id == 0 {
                answerManagement(type: type, content: content)
                continue
            }
            guard let current = open else {
                guard type == FastCGIRecord.beginRequest, content.count >= 3 else { continue }
                let role = Int(content[content.startIndex]) << 8 | Int(content[content.startIndex + 1])
                let keeps = content[content.startIndex + 2] & FastCGIRecord.keepConnection != 0
                if role == FastCGIRecord.responderRole {
                    open = (id, keeps)
                } else {
                    end(id: id, status: FastCGIRecord.unknownRole)
                }
                continue
            }
            if id != current.id {
                if type == FastCGIRecord.beginRequest { end(id: id, status: FastCGIRecord.cannotMultiplex) }
                continue
            }
            switch type {
            case FastCGIRecord.params:
                if content.isEmpty {
                    paramsEnded = true
                } else if params.count < Self.paramsLimit {
                    params.append(contentsOf: content.prefix(Self.paramsLimit - params.count))
                }
            case FastCGIRecord.stdin:
                if !content.isEmpty {
                    if body.count < Self.bodyLimit { body.append(contentsOf: content.prefix(Self.bodyLimit - body.count)) }
                } else if paramsEnded {
                    return Request(
                        id: current.id, variables: FastCGIParams.variables(params), body: body, keepsConnection: current.keeps)
                }
            case FastCGIRecord.abortRequest:
                end(id: current.id, status: FastCGIRecord.requestComplete)
                guard current.keeps else { return nil }
                open = nil
                params.removeAll()
                paramsEnded = false
                body.removeAll()
            default:
                continue
            }
        }
        return nil
    }

    /// Writes `output` (a CGI answer: headers, blank line, body) as request `id`'s answer.
    func answer(_ request: Request, with output: [UInt8]) {
        send(FastCGIRecord.answer(output, id: request.id))
    }

    /// Writes `response` as request `id`'s answer, in one write.
    func answer(_ request: Request, with response: Response) {
        send(FastCGIRecord.answer(response, id: request.id))
    }

    /// Closes the connection without resetting it: input that already arrived (an abort after the
    /// answer, say) is read first, since closing a socket with unread input makes the kernel
    /// reset it, and the server could lose the answer. Nothing is waited for.
    func close() {
        // What is read is dropped: the buffer serves as the sink.
        while isOpen, buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
        _ = Glibc.close(fd)
    }

    private func end(id: Int, status: UInt8) {
        var bytes: [UInt8] = []
        FastCGIRecord.appendEnd(id: id, status: status, to: &bytes)
        send(bytes)
    }

    private func answerManagement(type: UInt8, content: ArraySlice<UInt8>) {
        var bytes: [UInt8] = []
        guard type == FastCGIRecord.getValues else {
            FastCGIRecord.append(type: FastCGIRecord.unknownType, id: 0, content: [type, 0, 0, 0, 0, 0, 0, 0], to: &bytes)
            send(bytes)
            return
        }
        // The names asked for, answered for those this responder knows.
        let known = ["FCGI_MAX_CONNS": "1", "FCGI_MAX_REQS": "1", "FCGI_MPXS_CONNS": "0"]
        var values: [UInt8] = []
        for name in FastCGIParams.variables(Array(content)).dictionary.keys.sorted() {
            guard let value = known[name], name.utf8.count < 128 else { continue }
            values.append(UInt8(name.utf8.count))
            values.append(UInt8(value.utf8.count))
            values.append(contentsOf: name.utf8)
            values.append(contentsOf: value.utf8)
        }
        FastCGIRecord.append(type: FastCGIRecord.getValuesResult, id: 0, content: values, to: &bytes)
        send(bytes)
    }

    /// The next record's type, request id and content (padding skipped), or nil at the end of
    /// the connection or on a record of another protocol version.
    private func nextRecord() -> (UInt8, Int, ArraySlice<UInt8>)? {
        guard fill(FastCGIRecord.headerLength) else { return nil }
        let version = buffer[start]
        let type = buffer[start + 1]
        let id = Int(buffer[start + 2]) << 8 | Int(buffer[start + 3])
        let length = Int(buffer[start + 4]) << 8 | Int(buffer[start + 5])
        let padding = Int(buffer[start + 6])
        guard version == 1 else {
            isOpen = false
            return nil
        }
        let total = FastCGIRecord.headerLength + length + padding
        guard fill(total) else { return nil }
        let content = buffer[(start + FastCGIRecord.headerLength)..<(start + FastCGIRecord.headerLength + length)]
        start += total
        return (type, id, content)
    }

    /// Reads until `count` bytes are buffered; false when the connection ends first.
    private func fill(_ count: Int) -> Bool {
        if end - start >= count { return true }
        guard isOpen else { return false }
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
        while end < count {
            let got = buffer.withUnsafeMutableBytes { bytes in
                Glibc.read(fd, bytes.baseAddress! + end, bytes.count - end)
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 {
                isOpen = false
                return false
            }
            end += got
        }
        return true
    }

    /// Writes all of `bytes`; a failed write (the server went away) marks the connection closed.
    private func send(_ bytes: [UInt8]) {
        guard isOpen else { return }
        if !FastCGIConnection.write(bytes, to: fd) { isOpen = false }
    }

    /// Writes all of `bytes` to `fd`; false when a write fails.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
