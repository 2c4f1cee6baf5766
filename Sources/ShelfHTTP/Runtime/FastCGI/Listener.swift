import Glibc

/// The accept side of a FastCGI process: the listening socket the spawner put on stdin, the
/// connections kept for reuse, and the one that gathering a group ended on.
///
/// A process that groups requests (``gather(after:)``) takes only what is already waiting: its
/// listening socket is non-blocking, a connection is accepted while one is ready and read only
/// once its request has begun to arrive. A connection whose request has not, or whose server
/// keeps it open for more, ends the group and is carried: the loop takes it next
/// (``takeCarried()``).
struct Listener {
    /// A connection and the request read from it.
    typealias Member = (connection: FastCGIConnection, request: FastCGIConnection.Request)

    /// The most requests a group holds: its transaction holds the write lock for all of them.
    static let groupLimit = 16

    /// Closed connections whose buffers serve the next ones.
    private var idle: [FastCGIConnection] = []
    private var carried: FastCGIConnection?

    init(groupsRequests: Bool) {
        // Gathering a group takes what is waiting without waiting for more: accept must not block.
        if groupsRequests { _ = fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK) }
    }

    /// The connection carried from the last group, if any: its request is read next.
    mutating func takeCarried() -> FastCGIConnection? {
        defer { carried = nil }
        return carried
    }

    /// A newly accepted connection; nil when `accept` failed, with `errno` telling why
    /// (`EAGAIN` when none is waiting on a non-blocking socket).
    mutating func accept() -> FastCGIConnection? {
        let fd = Glibc.accept(0, nil, nil)
        guard fd >= 0 else { return nil }
        let connection = idle.popLast() ?? FastCGIConnection(fd: fd)
        connection.reuse(for: fd)
        return connection
    }

    /// Closes `connection` and keeps it for reuse.
    mutating func release(_ connection: FastCGIConnection) {
        connection.close()
        idle.append(connection)
    }

    /// Closes a group's connections but the one carried, which the server keeps open.
    mutating func release(_ group: [Member]) {
        for member in group where member.connection !== carried { release(member.connection) }
    }

    /// `first` and the requests waiting behind it, at most ``groupLimit``.
    mutating func gather(after first: Member) -> [Member] {
        var group = [first]
        while group.count < Self.groupLimit {
            guard let connection = accept() else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            guard connection.receiveArrived() else {
                carried = connection
                break
            }
            guard let request = connection.nextRequest() else {
                release(connection)
                continue
            }
            group.append((connection, request))
            if request.keepsConnection {
                carried = connection
                break
            }
        }
        return group
    }
}
