import Foundation
import ShelfAuth
import ShelfCrypto
import Testing

/// Each code is drawn as SVG, rasterised by librsvg (`rsvg-convert`) and read back by ZBar
/// (`zbarimg`), real programs a shopper's phone stands in for; `make deps` installs both.
@Suite struct QRCodeDecodingTests {
    /// The otpauth URI a shop would show, about 120 bytes.
    static let otpauth = TOTPSecret(bytes: Array("12345678901234567890".utf8))
        .otpauthURI(issuer: "Shelf Demo Store", account: "ann.murphy@example.com")

    @Test func aShortTextReadsBack() throws {
        #expect(try decoded(QRCode(encoding: "Shelf")) == "Shelf")
    }

    @Test func textBeyondASCIIReadsBackAsUTF8() throws {
        #expect(try decoded(QRCode(encoding: "Café au lait ☕")) == "Café au lait ☕")
    }

    @Test func anOtpauthURIReadsBack() throws {
        #expect(Self.otpauth.utf8.count > 100)
        #expect(try decoded(QRCode(encoding: Self.otpauth)) == Self.otpauth)
    }

    /// Each version's largest payload and the next version's smallest, 1 to 10.
    @Test(arguments: [1, 14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180, 181, 213])
    func everyVersionReadsBack(_ length: Int) throws {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/?&=%.-_")
        let text = String((0..<length).map { alphabet[($0 * 7 + length) % alphabet.count] })
        let code = try QRCode(encoding: text)
        #expect(try decoded(code) == text)
    }

    /// The SVG, converted to PNG at 8 pixels a module, as ZBar reads it.
    private func decoded(_ code: QRCode) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("code.svg")
        let png = folder.appendingPathComponent("code.png")
        try code.svg(title: "QR code").write(to: svg, atomically: true, encoding: .utf8)
        _ = try run("/usr/bin/rsvg-convert", ["--zoom", "8", "--output", png.path, svg.path])
        let output = try run("/usr/bin/zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.path])
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run make deps")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
