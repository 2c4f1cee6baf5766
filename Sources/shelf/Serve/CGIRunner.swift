import Foundation
import HTTPTypes
import Hummingbird
import ShelfConfig
import ShelfHTTP

/// Runs a function as CGI for `shelf serve`, one process per request, exactly as a web server's
/// CGI module would: the request in the environment and on stdin, the answer on stdout.
struct CGIRunner: Sendable {
    /// The folder with the function executables (next to `shelf` in a SwiftPM build).
    let binaries: String
    /// The store folder, passed as `SHELF_ROOT`.
    let root: String
    let host: String
    let port: Int
    /// This server's address (`http://127.0.0.1:8080`), passed as `SHELF_BASE_URL` so the
    /// functions' links and return pages lead back here, not to the production `base_url`.
    let address: String
    /// Checked before each run: the functions' own answer to a store they cannot serve is a
    /// bare 503 that names no cause.
    let readiness: FunctionReadiness

    /// The dev server reads at most this much of a body; the function applies its own, smaller limit.
    static let bodyLimit = 1 << 20

    /// `/fn/cart/add` → (`cart`, `/add`); `/fn/cart.json` → (`cart`, `.json`); nil for an unknown name.
    static func split(_ path: String) -> (name: String, pathInfo: String)? {
        guard path.hasPrefix("/fn/") else { return nil }
        let rest = path.dropFirst(4)
        let end = rest.firstIndex { $0 == "/" || $0 == "." } ?? rest.endIndex
        let name = String(rest[..<end])
        guard FunctionNames.all.contains(name) else { return nil }
        return (name, String(rest[end...]))
    }

    func respond(to request: Request, context: some RequestContext) async throws -> Response {
        guard let (name, pathInfo) = Self.split(request.uri.path) else {
            return DevServer.response(.notFound, type: "text/plain; charset=utf-8", body: Array("No such function\n".utf8), cache: false)
        }
        if let problem = readiness.problem() {
            return DevServer.html(readiness.page(problem), .serviceUnavailable)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.bodyLimit)
        } catch {
            return DevServer.response(.contentTooLarge, type: "text/plain; charset=utf-8", body: Array("Too large\n".utf8), cache: false)
        }
        var environment: [String: String] = [
            "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1", "SERVER_SOFTWARE": "shelf-serve",
            "SERVER_NAME": host, "SERVER_PORT": String(port), "REMOTE_ADDR": "127.0.0.1",
            "REQUEST_METHOD": request.method.rawValue, "SCRIPT_NAME": "/fn/\(name)", "PATH_INFO": pathInfo,
            "QUERY_STRING": request.uri.query ?? "", "REQUEST_URI": request.uri.description, "SHELF_ROOT": root,
            "SHELF_BASE_URL": address, "PATH": "/usr/bin:/bin",
        ]
        if body.readableBytes > 0 || request.method == .post { environment["CONTENT_LENGTH"] = String(body.readableBytes) }
        for field in request.headers {
            let name = field.name.canonicalName
            if name == "content-type" {
                environment["CONTENT_TYPE"] = field.value
            } else if name != "content-length" && name != "proxy" {
                let key = "HTTP_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
                environment[key] = environment[key].map { $0 + ", " + field.value } ?? field.value
            }
        }
        let output = try await Self.run(binaries + "/" + name, environment: environment, stdin: Array(buffer: body))
        return Self.parse(output)
    }

    /// Spawns the executable, feeds stdin and collects stdout; stderr goes to ours.
    static func run(_ executable: String, environment: [String: String], stdin: [UInt8]) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.environment = environment
                    let input = Pipe()
                    let output = Pipe()
                    process.standardInput = input
                    process.standardOutput = output
                    try process.run()
                    Thread.detachNewThread {
                        try? input.fileHandleForWriting.write(contentsOf: stdin)
                        try? input.fileHandleForWriting.close()
                    }
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: [UInt8](data))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Reads a CGI answer: header lines, a blank line, the body. `Status:` sets the status.
    static func parse(_ output: [UInt8]) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, output.count - 4)).first(where: { output.count >= $0 + 4 && Array(output[$0..<$0 + 4]) == separator })
        else {
            return DevServer.response(
                .badGateway, type: "text/plain; charset=utf-8", body: Array("The function gave no valid answer\n".utf8), cache: false)
        }
        var status = HTTPResponse.Status.ok
        var headers = HTTPFields()
        for line in String(decoding: output[..<end], as: UTF8.self).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "status" {
                status = HTTPResponse.Status(code: Int(value.prefix(3)) ?? 502)
            } else if let field = HTTPField.Name(name) {
                headers.append(HTTPField(name: field, value: value))
            }
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: output[(end + 4)...])))
    }
}
