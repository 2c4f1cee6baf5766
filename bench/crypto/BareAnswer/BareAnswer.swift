// The answer of the bare CGI programs: read the body the web server hands over on stdin, write a
// fixed 303, as bench/functions/bare does. Only the Swift runtime and Glibc.
import Glibc

/// Reads the request body (CONTENT_LENGTH bytes of stdin) and writes a fixed 303 to stdout.
public func answerFixed303() {
    let length = getenv("CONTENT_LENGTH").flatMap { Int(String(cString: $0)) } ?? 0
    var body = [UInt8](repeating: 0, count: max(length, 1))
    var filled = 0
    while filled < length {
        let got = body[filled...].withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if got <= 0 { break }
        filled += got
    }
    let response = Array(
        ("Status: 303 See Other\r\n" + "Location: /fn/cart?notice=added&sku=BENCH\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n" + "Cache-Control: no-store\r\n" + "\r\n" + "See /fn/cart\n").utf8)
    var written = 0
    while written < response.count {
        let sent = response[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if sent <= 0 { break }
        written += sent
    }
}
