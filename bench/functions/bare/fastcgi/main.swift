// A FastCGI responder that does nothing but answer: every request gets the bytes of the file
// BARE_BODY (bench/functions/run points it at the copy of a cart.json answer the static side
// serves). It takes each request through libfcgi, which reads its parameters, and reads its
// body, as the cart does, and nothing else: the ceiling of a Swift function behind the same
// web server.
import CFastCGI
import Glibc

func contents(of path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 { return bytes }
        bytes += buffer[0..<count]
    }
}

let body = getenv("BARE_BODY").map { contents(of: String(cString: $0)) } ?? []
let answer = Array("Status: 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body

var request = FCGX_Request()
guard FCGX_Init() == 0, FCGX_InitRequest(&request, 0, 0) == 0 else { exit(70) }
var sink = [CChar](repeating: 0, count: 4096)
while FCGX_Accept_r(&request) >= 0 {
    while FCGX_GetStr(&sink, Int32(sink.count), request.in) > 0 {}
    answer.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { _ = FCGX_PutStr($0.baseAddress, Int32($0.count), request.out) }
    }
    FCGX_Finish_r(&request)
}
