import Testing

@testable import ShelfAuth

@Suite struct QRCodeTests {
    /// The worked example of a version 1-M symbol ("HELLO WORLD" in alphanumeric mode): its 16 data
    /// codewords and the 10 error correction codewords they give.
    @Test func reedSolomonMatchesTheWorkedExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.errorCorrection(for: data, count: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// Data followed by its error correction is a codeword: divisible by the generator, so it
    /// gives no error correction of its own.
    @Test func aCodewordLeavesNoRemainder() {
        let data = Array("otpauth://totp/Shelf".utf8)
        let codeword = data + ReedSolomon.errorCorrection(for: data, count: 18)
        #expect(ReedSolomon.errorCorrection(for: codeword, count: 18) == Array(repeating: 0, count: 18))
    }

    /// ISO/IEC 18004 table C.1, level M, masks 0 to 7.
    @Test func formatBitsMatchTheTable() {
        let expected = [
            0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
            0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000,
        ]
        #expect((0..<8).map { QRLayout.formatBits(mask: $0) } == expected)
    }

    /// ISO/IEC 18004 table D.1, versions 7 to 10.
    @Test func versionBitsMatchTheTable() {
        #expect((7...10).map(QRLayout.versionBits) == [0x07C94, 0x085BC, 0x09A99, 0x0A4D3])
    }

    @Test func theSmallestVersionThatFitsIsChosen() throws {
        #expect(try QRCode(encoding: String(repeating: "a", count: 14)).size == 21)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15)).size == 25)
        #expect(try QRCode(encoding: String(repeating: "a", count: 213)).size == 57)
    }

    @Test func textPastVersionTenIsRefused() {
        #expect(throws: QRCodeTooLong.self) { try QRCode(encoding: String(repeating: "a", count: 214)) }
    }

    @Test func theFinderAndTimingPatternsAreInPlace() throws {
        let code = try QRCode(encoding: "Shelf")
        for (top, left) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect((0..<7).allSatisfy { code.isDark(row: top, column: left + $0) && code.isDark(row: top + 6, column: left + $0) })
            #expect(!code.isDark(row: top + 1, column: left + 1) && code.isDark(row: top + 3, column: left + 3))
        }
        // The timing lines alternate between the finders; the dark module sits above the bottom one.
        #expect((8..<(code.size - 8)).allSatisfy { code.isDark(row: 6, column: $0) == $0.isMultiple(of: 2) })
        #expect((8..<(code.size - 8)).allSatisfy { code.isDark(row: $0, column: 6) == $0.isMultiple(of: 2) })
        #expect(code.isDark(row: code.size - 8, column: 8))
    }

    @Test func theSVGIsOnePathWithAQuietZoneAndAnEscapedTitle() throws {
        let svg = try QRCode(encoding: "Shelf").svg(title: "Scan <this> & that")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<title>Scan &lt;this&gt; &amp; that</title>"))
        #expect(svg.split(separator: "<path").count == 2)
        // The top-left finder's first row starts at the quiet zone's edge: 7 dark modules.
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
    }
}
