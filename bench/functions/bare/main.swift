// A CGI program that does nothing but answer: it reads the body the web server hands it on
// stdin, as the cart does, and writes a fixed 303 like the cart's answer to a form add.
// Only the Swift runtime and Glibc: this is the floor a Swift function cannot go under.
import Glibc

let length = getenv("CONTENT_LENGTH").flatMap { Int(String(cString: $0)) } ?? 0
var body = [UInt8](repeating: 0, count: max(length, 1))
var filled = 0
while filled < length {
    let got = body[filled...].withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
    if got <= 0 { break }
    filled += got
}

let response = Array(
    ("Status: 303 See Other\r\n" + "Location: /fn/cart?notice=added&sku=BENCH\r\n" + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Cache-Control: no-store\r\n" + "\r\n" + "See /fn/cart\n").utf8)
var written = 0
while written < response.count {
    let sent = response[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    if sent <= 0 { break }
    written += sent
}
