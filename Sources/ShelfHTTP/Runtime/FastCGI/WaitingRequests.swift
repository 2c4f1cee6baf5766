import Glibc

/// The requests a FastCGI process finds waiting after its first: a group answered in one
/// transaction (``ShelfStore/Store/grouped(writing:_:)``).
///
/// Only requests already there are taken: a connection is accepted while the listening socket
/// has one ready, and read only when its request has begun to arrive. A connection whose
/// request has not, or whose server keeps it open for more, ends the group and is carried to
/// the loop, which reads it next.
struct WaitingRequests {
    /// The most requests one transaction answers: it holds the write lock for all of them.
    static let limit = 16

    private(set) var members: [(FastCGIConnection, FastCGIConnection.Request)]
    /// Connections to reuse, their buffers kept.
    var idle: [FastCGIConnection]
    /// The connection the loop reads next, if gathering found one that ends the group.
    private(set) var carried: FastCGIConnection?

    init(first: (FastCGIConnection, FastCGIConnection.Request), idle: [FastCGIConnection]) {
        members = [first]
        self.idle = idle
    }

    /// Accepts and reads the requests waiting on the listening socket (stdin, which the runtime
    /// made non-blocking), at most `limit`.
    mutating func gather() {
        while members.count < Self.limit {
            let fd = accept(0, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let connection = idle.popLast() ?? FastCGIConnection(fd: fd)
            connection.reuse(for: fd)
            guard connection.receiveArrived() else {
                carried = connection
                return
            }
            guard let request = connection.nextRequest() else {
                connection.close()
                idle.append(connection)
                continue
            }
            members.append((connection, request))
            if request.keepsConnection {
                carried = connection
                return
            }
        }
    }
}
