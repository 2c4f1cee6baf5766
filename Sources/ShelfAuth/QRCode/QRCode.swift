/// A QR code (ISO/IEC 18004) holding text in byte mode at error correction level M (15 % of the
/// symbol can be lost), in the smallest of versions 1 to 10 that fits: up to 213 bytes, enough for
/// an `otpauth://` URI.
///
/// ```swift
/// let code = try QRCode(encoding: secret.otpauthURI(issuer: "Shelf", account: email.text))
/// let svg = code.svg(title: "QR code to scan with your authenticator app")
/// ```
public struct QRCode: Sendable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row after row, true where a module is dark.
    private let modules: [Bool]

    /// The code for the UTF-8 of `text`; throws ``QRCodeTooLong`` past 213 bytes.
    public init(encoding text: String) throws(QRCodeTooLong) {
        let bytes = Array(text.utf8)
        guard let version = QRVersion.all.first(where: { $0.byteCapacity >= bytes.count }) else {
            throw QRCodeTooLong(byteCount: bytes.count)
        }
        var layout = QRLayout(version: version)
        layout.place(Self.codewords(for: bytes, version: version))
        // The mask whose symbol is easiest to read.
        let candidates = (0..<8).map { mask in
            let masked = layout.masked(mask)
            return (layout: masked, penalty: masked.penalty)
        }
        let chosen = candidates.min { $0.penalty < $1.penalty } ?? candidates[0]
        size = version.size
        modules = chosen.layout.modules
    }

    /// Whether the module at `row`, `column` (from the top left, 0-based) is dark.
    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// The data and error correction codewords of `bytes`, interleaved in transmission order.
    static func codewords(for bytes: [UInt8], version: QRVersion) -> [UInt8] {
        var bits = QRBits()
        bits.append(0b0100, count: 4)  // byte mode
        bits.append(bytes.count, count: version.countBits)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = version.dataCodewords * 8
        bits.append(0, count: min(4, capacity - bits.count))  // terminator
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < version.dataCodewords {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }

        var blocks: [[UInt8]] = []
        var start = 0
        for length in version.blocks {
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { ReedSolomon.errorCorrection(for: $0, count: version.correctionPerBlock) }
        var out: [UInt8] = []
        for index in 0..<(version.blocks.max() ?? 0) {
            for block in blocks where index < block.count { out.append(block[index]) }
        }
        for index in 0..<version.correctionPerBlock {
            for correction in corrections { out.append(correction[index]) }
        }
        return out
    }
}
