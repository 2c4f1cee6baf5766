import Foundation
import Glibc

/// `Tests/e2e/servers/smtp.py`, the aiosmtpd server the end-to-end suites use too, started on a
/// free loopback port with a mail folder of its own.
final class SMTPTestServer {
    let port: Int
    let maildir: URL
    private let process = Process()

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts the server with extra command-line `options` and waits for its `ready`.
    init(_ options: [String] = []) throws {
        port = try Self.freePort()
        maildir = FileManager.default.temporaryDirectory.appending(path: "shelf-mail-\(UUID().uuidString)")
        let script = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "e2e/servers/smtp.py")
        // python3 from PATH: the interpreter `make deps` installs aiosmtpd for.
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "\(port)", "--maildir", maildir.path] + options
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var pending = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let line = poll(&pending, 1, 15_000) == 1 ? String(decoding: output.fileHandleForReading.availableData, as: UTF8.self) : ""
        guard line.hasPrefix("ready") else {
            stop()
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StartFailure(description: "the SMTP test server did not start (is aiosmtpd installed? `make deps`): \(reason)")
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: maildir)
    }

    /// The stored messages' bytes with their envelopes (`mail_from`, `rcpt_tos`).
    func messages() throws -> [(bytes: [UInt8], envelope: [String: any Sendable])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map { name in
            let eml = maildir.appending(path: name)
            let envelope = try JSONSerialization.jsonObject(
                with: Data(contentsOf: eml.deletingPathExtension().appendingPathExtension("json")))
            return (Array(try Data(contentsOf: eml)), envelope as? [String: any Sendable] ?? [:])
        }
    }

    /// A port nothing listens on right now, from the kernel.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw StartFailure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
