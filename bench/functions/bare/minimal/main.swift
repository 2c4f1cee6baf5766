// A FastCGI responder with nothing but the protocol: it accepts a connection, reads records until
// the request's empty FCGI_STDIN record, finds each parameter's name and value by their lengths
// (copying none), writes the bytes of BARE_BODY as its answer and the request's end in one
// write, and closes. No library and no lingering close: the fewest system calls a responder
// needs (accept, read, write, close), which libfcgi's responder (bare-fastcgi) exceeds by a
// shutdown and a poll and read that wait for the server to close first.
import Glibc

/// The whole file at `path`, read with stdio.
func fileBytes(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[..<count] }
    return bytes
}

/// One record: the 8-byte header (version 1, `type`, request id 1 for now) and `content`.
func record(_ type: UInt8, _ content: ArraySlice<UInt8>) -> [UInt8] {
    [1, type, 0, 1, UInt8(content.count >> 8), UInt8(content.count & 0xff), 0, 0] + content
}

let body = getenv("BARE_BODY").map { fileBytes(String(cString: $0)) } ?? []
let output = Array("Status: 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
var answer: [UInt8] = []
var start = 0
while start < output.count {
    let end = min(start + 65535, output.count)
    answer += record(6, output[start..<end])  // FCGI_STDOUT
    start = end
}
answer += record(6, [])
answer += record(3, [0, 0, 0, 0, 0, 0, 0, 0])  // FCGI_END_REQUEST: status 0, FCGI_REQUEST_COMPLETE
// Where each record's request id sits in the answer, set to the request's own before writing.
var idPlaces: [Int] = []
var place = 0
while place < answer.count {
    idPlaces.append(place + 2)
    place += 8 + (Int(answer[place + 4]) << 8 | Int(answer[place + 5]))
}

/// The length that starts at `bytes[index]` in a name-value pair (1 or 4 bytes), and the index after it.
func pairLength(_ bytes: [UInt8], _ index: Int) -> (Int, Int)? {
    guard index < bytes.count else { return nil }
    if bytes[index] < 0x80 { return (Int(bytes[index]), index + 1) }
    guard index + 4 <= bytes.count else { return nil }
    let length = Int(bytes[index] & 0x7f) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
    return (length, index + 4)
}

var buffer = [UInt8](repeating: 0, count: 65536)
var parameters: [(name: Range<Int>, value: Range<Int>)] = []
while true {
    let fd = accept(0, nil, nil)
    if fd < 0 {
        if errno == EINTR || errno == ECONNABORTED { continue }
        exit(0)
    }
    var filled = 0
    var cursor = 0
    var requestID = 1
    var ended = false
    parameters.removeAll(keepingCapacity: true)
    reading: while !ended {
        if filled == buffer.count { break }
        let got = buffer[filled...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if got <= 0 { break }
        filled += got
        // Every whole record that has arrived.
        while filled - cursor >= 8 {
            let type = buffer[cursor + 1]
            let length = Int(buffer[cursor + 4]) << 8 | Int(buffer[cursor + 5])
            let next = cursor + 8 + length + Int(buffer[cursor + 6])
            guard next <= filled else { continue reading }
            let content = cursor + 8
            switch type {
            case 1: requestID = Int(buffer[cursor + 2]) << 8 | Int(buffer[cursor + 3])  // FCGI_BEGIN_REQUEST
            case 4:  // FCGI_PARAMS
                var index = content
                while index < content + length, let (nameLength, afterName) = pairLength(buffer, index),
                    let (valueLength, afterValue) = pairLength(buffer, afterName)
                {
                    let valueStart = afterValue + nameLength
                    parameters.append((afterValue..<valueStart, valueStart..<(valueStart + valueLength)))
                    index = valueStart + valueLength
                }
            case 5 where length == 0: ended = true  // the empty FCGI_STDIN record
            default: break
            }
            cursor = next
        }
    }
    if ended {
        for index in idPlaces {
            answer[index] = UInt8(requestID >> 8)
            answer[index + 1] = UInt8(requestID & 0xff)
        }
        var written = 0
        while written < answer.count {
            let sent = answer[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if sent <= 0 { break }
            written += sent
        }
    }
    close(fd)
}
