import Dispatch
import Glibc
import ShelfCore
import Testing

@testable import ShelfHTTP

/// The FastCGI responder's reading and writing, over a real socket pair with the web server's
/// side written here byte by byte, independently of the code under test.
@Suite struct FastCGIConnectionTests {
    /// One record as a server sends it, with `padding` bytes of junk after the content.
    static func record(_ type: UInt8, id: Int = 1, _ content: [UInt8] = [], padding: Int = 0) -> [UInt8] {
        [1, type, UInt8(id >> 8), UInt8(id & 0xFF), UInt8(content.count >> 8), UInt8(content.count & 0xFF), UInt8(padding), 0]
            + content + [UInt8](repeating: 0xAA, count: padding)
    }

    static func length(_ count: Int) -> [UInt8] {
        count < 128
            ? [UInt8(count)] : [UInt8(0x80 | count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
    }

    static func pairs(_ variables: [(String, String)]) -> [UInt8] {
        variables.flatMap { name, value in length(name.utf8.count) + length(value.utf8.count) + Array(name.utf8) + Array(value.utf8) }
    }

    static func begin(id: Int = 1, role: UInt8 = 1, keep: Bool = false) -> [UInt8] {
        record(1, id: id, [0, role, keep ? 1 : 0, 0, 0, 0, 0, 0])
    }

    /// A whole request: its parameters in one record, its body in records of at most 65535 bytes.
    static func request(id: Int = 1, keep: Bool = false, _ variables: [(String, String)], body: [UInt8] = []) -> [UInt8] {
        var bytes = begin(id: id, keep: keep) + record(4, id: id, pairs(variables)) + record(4, id: id)
        var start = 0
        while start < body.count {
            let end = min(start + 65535, body.count)
            bytes += record(5, id: id, Array(body[start..<end]), padding: (8 - (end - start) % 8) % 8)
            start = end
        }
        return bytes + record(5, id: id)
    }

    /// A connection whose other end gets `input` in pieces of the given sizes (the rest at once),
    /// written on another thread, then is shut for writing when `closes`.
    final class Peer: @unchecked Sendable {
        let server: Int32
        let client: Int32
        let done = DispatchSemaphore(value: 0)

        init(_ input: [UInt8], pieces: [Int] = [], closes: Bool = true) {
            var fds: [Int32] = [0, 0]
            precondition(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
            server = fds[0]
            client = fds[1]
            let client = client
            let done = done
            DispatchQueue.global().async {
                var offset = 0
                var sizes = pieces[...]
                while offset < input.count {
                    let size = min(sizes.popFirst() ?? input.count, input.count - offset)
                    let sent = input[offset..<offset + size].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                    if sent <= 0 { break }
                    offset += sent
                }
                if closes { shutdown(client, Int32(SHUT_WR)) }
                done.signal()
            }
        }

        /// Everything the responder wrote, once it closed the connection.
        func output() -> [UInt8] {
            done.wait()
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let got = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                if got <= 0 { break }
                bytes += buffer[0..<got]
            }
            Glibc.close(client)
            return bytes
        }
    }

    /// The records in `bytes` as (type, id, content), checking each is version 1 and 8-aligned.
    static func records(_ bytes: [UInt8]) -> [(type: UInt8, id: Int, content: [UInt8])] {
        var result: [(UInt8, Int, [UInt8])] = []
        var at = 0
        while at + 8 <= bytes.count {
            #expect(bytes[at] == 1)
            let length = Int(bytes[at + 4]) << 8 | Int(bytes[at + 5])
            let padding = Int(bytes[at + 6])
            #expect((length + padding) % 8 == 0)
            result.append((bytes[at + 1], Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]), Array(bytes[at + 8..<at + 8 + length])))
            at += 8 + length + padding
        }
        #expect(at == bytes.count)
        return result
    }

    /// Serves every request on the connection with `answer`, then closes it.
    static func serve(
        _ peer: Peer, answer: (FastCGIConnection.Request) -> [UInt8] = { _ in Array("Status: 200 OK\r\n\r\nok".utf8) }
    )
        -> [FastCGIConnection.Request]
    {
        let connection = FastCGIConnection(fd: peer.server)
        var served: [FastCGIConnection.Request] = []
        while let request = connection.nextRequest() {
            served.append(request)
            connection.answer(request, with: answer(request))
            if !request.keepsConnection { break }
        }
        connection.close()
        return served
    }

    let variables = [
        ("REQUEST_METHOD", "POST"), ("PATH_INFO", "/add"), ("CONTENT_LENGTH", "18"), ("HTTP_COOKIE", "shelf_session=abc"),
        ("QUERY_STRING", ""),
    ]

    @Test func readsARequestWhateverHowItsBytesAreSplit() {
        let input = Self.request(variables, body: Array("sku=A-1&quantity=2".utf8))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let pieces =
                round == 0 ? [Int](repeating: 1, count: input.count) : (0..<20).map { _ in Int.random(in: 1...24, using: &generator) }
            let peer = Peer(input, pieces: pieces)
            let served = Self.serve(peer)
            #expect(served.count == 1)
            #expect(served.first?.variables["HTTP_COOKIE"] == "shelf_session=abc")
            #expect(served.first?.variables["QUERY_STRING"] == "")
            #expect(served.first?.body == Array("sku=A-1&quantity=2".utf8))
            let records = Self.records(peer.output())
            #expect(records.map(\.type) == [6, 6, 3])
            #expect(records.first?.content == Array("Status: 200 OK\r\n\r\nok".utf8))
            #expect(records.last?.content == [0, 0, 0, 0, 0, 0, 0, 0])
        }
    }

    @Test func readsLongNamesAndValuesWithFourByteLengthsAndSkipsPadding() {
        let name = "HTTP_" + String(repeating: "X", count: 300)
        let value = String(repeating: "v", count: 70_000)
        let params = Self.pairs([(name, value), ("REQUEST_METHOD", "GET")])
        var input = Self.begin()
        var start = 0
        while start < params.count {
            let end = min(start + 1000, params.count)
            input += Self.record(4, Array(params[start..<end]), padding: 7)
            start = end
        }
        input += Self.record(4, padding: 3) + Self.record(5, padding: 255)
        let served = Self.serve(Peer(input))
        #expect(served.first?.variables[name] == value)
        #expect(served.first?.variables["REQUEST_METHOD"] == "GET")
    }

    @Test func readsAMegabyteBodyAndWritesALongAnswerInRecords() {
        let body = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let answer = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 13) }
        let peer = Peer(Self.request(variables, body: body), pieces: [3, 5000, 65541, 17])
        let served = Self.serve(peer) { _ in answer }
        #expect(served.first?.body == body)
        let records = Self.records(peer.output())
        #expect(records.filter { $0.type == 6 }.flatMap(\.content) == answer)
        #expect(records.allSatisfy { $0.id == 1 })
        #expect(records.last?.type == 3)
    }

    /// A response written straight into its records gives the bytes of its CGI answer put
    /// into records: any padding, an answer longer than one record, another request id.
    @Test func writesAResponseAsTheRecordsOfItsCGIBytes() {
        for (length, id) in [(0, 1), (1, 1), (7, 2), (1000, 300), (65_400, 1), (65_528, 1), (200_000, 9)] {
            var response = Response.json(.string(String(repeating: "x", count: length)))
            response.setHeader("Set-Cookie", "shelf_session=abc; Path=/")
            let records = FastCGIRecord.answer(response, id: id)
            #expect(records == FastCGIRecord.answer(response.cgiBytes, id: id), "\(length)")
            #expect(Self.records(records).filter { $0.type == 6 }.flatMap(\.content) == response.cgiBytes)
        }
    }

    /// The runtime reads connection after connection with one buffer: nothing of the last one
    /// (a large request that grew the buffer, bytes left unread after the answer) reaches the next.
    @Test func aReusedConnectionReadsTheNextConnectionAfresh() {
        let first = Peer(
            Self.request([("HTTP_X", String(repeating: "v", count: 60_000))], body: Array("first".utf8))
                + Self.begin(id: 2) + Self.record(4, id: 2, Self.pairs([("PATH_INFO", "/left-over")])))
        let connection = FastCGIConnection(fd: first.server)
        let one = connection.nextRequest()
        #expect(one?.body == Array("first".utf8))
        if let one { connection.answer(one, with: Array("Status: 200 OK\r\n\r\n1".utf8)) }
        connection.close()
        #expect(Self.records(first.output()).first?.content == Array("Status: 200 OK\r\n\r\n1".utf8))
        let second = Peer(Self.request(id: 3, variables, body: Array("sku=A-1&quantity=2".utf8)))
        connection.reuse(for: second.server)
        let two = connection.nextRequest()
        #expect(two?.id == 3)
        #expect(two?.variables["PATH_INFO"] == "/add")
        #expect(two?.variables["HTTP_X"] == nil)
        #expect(two?.body == Array("sku=A-1&quantity=2".utf8))
        if let two { connection.answer(two, with: Array("Status: 200 OK\r\n\r\n2".utf8)) }
        #expect(connection.nextRequest() == nil)
        connection.close()
        let records = Self.records(second.output())
        #expect(records.map(\.type) == [6, 6, 3])
        #expect(records.allSatisfy { $0.id == 3 })
    }

    @Test func answersSeveralRequestsOnAConnectionTheServerKeeps() {
        let input = Self.request(id: 1, keep: true, [("PATH_INFO", "/one")]) + Self.request(id: 2, keep: true, [("PATH_INFO", "/two")])
        let peer = Peer(input)
        let served = Self.serve(peer) { request in Array((request.variables["PATH_INFO"] ?? "").utf8) }
        #expect(served.map { $0.variables["PATH_INFO"] } == ["/one", "/two"])
        let records = Self.records(peer.output())
        #expect(records.map(\.id) == [1, 1, 1, 2, 2, 2])
        #expect(records.filter { $0.type == 6 }.map(\.content) == [Array("/one".utf8), [], Array("/two".utf8), []])
    }

    @Test func takesWhatHasArrivedWithoutWaiting() {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        let connection = FastCGIConnection(fd: fds[0])
        #expect(!connection.receiveArrived(), "nothing was sent, and the call must not wait")
        let input = Self.request(id: 4, [("PATH_INFO", "/add")], body: Array("sku=A-1".utf8))
        #expect(input.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == input.count)
        #expect(connection.receiveArrived())
        #expect(connection.hasBufferedInput)
        let request = connection.nextRequest()
        #expect(request?.id == 4 && request?.body == Array("sku=A-1".utf8))
        // The server closing the connection counts as arrived: the next read finds its end.
        shutdown(fds[1], Int32(SHUT_WR))
        #expect(connection.receiveArrived())
        #expect(connection.nextRequest() == nil)
        connection.close()
        Glibc.close(fds[1])
    }

    @Test func tellsWhetherTheNextRequestHasBegunToArrive() {
        let input = Self.request(id: 1, keep: true, [("PATH_INFO", "/one")]) + Self.request(id: 2, keep: true, [("PATH_INFO", "/two")])
        let peer = Peer(input, closes: false)
        peer.done.wait()
        let connection = FastCGIConnection(fd: peer.server)
        #expect(connection.nextRequest()?.id == 1)
        #expect(connection.hasBufferedInput)
        #expect(connection.nextRequest()?.id == 2)
        #expect(!connection.hasBufferedInput)
        connection.close()
        Glibc.close(peer.client)
    }

    @Test func endsAnAbortedRequestAndServesTheNextOnAKeptConnection() {
        let input =
            Self.begin(id: 1, keep: true) + Self.record(4, id: 1, Self.pairs(variables)) + Self.record(2, id: 1)
            + Self.request(id: 2, keep: true, [("PATH_INFO", "/after")])
        let peer = Peer(input)
        let served = Self.serve(peer)
        #expect(served.map { $0.variables["PATH_INFO"] } == ["/after"])
        let records = Self.records(peer.output())
        #expect(records.first.map { [$0.type, UInt8($0.id)] } == [3, 1])
        #expect(records.map(\.id) == [1, 2, 2, 2])
    }

    @Test func anAbortedRequestOnAConnectionTheServerClosesIsNotServed() {
        let input = Self.begin(id: 1) + Self.record(4, id: 1, Self.pairs(variables)) + Self.record(2, id: 1)
        let peer = Peer(input)
        #expect(Self.serve(peer).isEmpty)
        #expect(Self.records(peer.output()).map(\.type) == [3])
    }

    @Test func answersManagementRecords() {
        let input =
            Self.record(9, id: 0, Self.pairs([("FCGI_MPXS_CONNS", ""), ("FCGI_MAX_REQS", ""), ("SOMETHING_ELSE", "")]))
            + Self.record(42, id: 0, [1, 2, 3]) + Self.request(variables)
        let peer = Peer(input)
        #expect(Self.serve(peer).count == 1)
        let records = Self.records(peer.output())
        #expect(records.map(\.type) == [10, 11, 6, 6, 3])
        #expect(FastCGIParams.variables(records[0].content).dictionary == ["FCGI_MAX_REQS": "1", "FCGI_MPXS_CONNS": "0"])
        #expect(records[1].content == [42, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func refusesOtherRolesAndASecondRequestAtOnce() {
        let input =
            Self.begin(id: 5, role: 2) + Self.begin(id: 1) + Self.record(4, id: 1, Self.pairs(variables)) + Self.begin(id: 9)
            + Self.record(4, id: 1) + Self.record(5, id: 9, [1, 2]) + Self.record(5, id: 1)
        let peer = Peer(input)
        let served = Self.serve(peer)
        #expect(served.map(\.id) == [1])
        #expect(served.first?.body == [])
        let ends = Self.records(peer.output()).filter { $0.type == 3 }
        #expect(ends.map(\.id) == [5, 9, 1])
        #expect(ends.map { $0.content[4] } == [3, 1, 0])
    }

    @Test func aServerThatClosesEarlyGetsNothingAndNothingCrashes() {
        let whole = Self.request(variables, body: Array("sku=A-1&quantity=2".utf8))
        for cut in [0, 3, 8, 20, whole.count - 8, whole.count - 1] {
            let peer = Peer(Array(whole[..<cut]))
            #expect(Self.serve(peer).isEmpty)
            #expect(peer.output().isEmpty)
        }
    }

    @Test func keepsAtMostAMegabyteOfParametersAndStillAnswers() {
        var input = Self.begin() + Self.record(4, Self.pairs([("REQUEST_METHOD", "GET")]))
        let filler = Self.pairs([("HTTP_X", String(repeating: "x", count: 60_000))])
        for _ in 0..<40 { input += Self.record(4, filler) }
        input += Self.record(4, Self.pairs([("PATH_INFO", "/late")])) + Self.record(4) + Self.record(5)
        let peer = Peer(input)
        let served = Self.serve(peer)
        #expect(served.first?.variables["REQUEST_METHOD"] == "GET")
        #expect(served.first?.variables["PATH_INFO"] == nil)
        #expect(Self.records(peer.output()).last?.type == 3)
    }

    @Test func keepsTheVariablesBeforeAPairCutShortAndRefusesAnotherVersion() {
        let cut = Self.pairs([("REQUEST_METHOD", "GET")]) + [0x80, 0, 0]
        let served = Self.serve(Peer(Self.begin() + Self.record(4, cut) + Self.record(4) + Self.record(5)))
        #expect(served.first?.variables.dictionary == ["REQUEST_METHOD": "GET"])
        var other = Self.request(variables)
        other[0] = 2
        #expect(Self.serve(Peer(other)).isEmpty)
    }
}
