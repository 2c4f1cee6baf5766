/// What a QR code version (1 to 10) at error correction level M holds and where its alignment
/// patterns go (ISO/IEC 18004 tables 9 and E.1).
struct QRVersion {
    let number: Int
    /// Error correction codewords per block.
    let correctionPerBlock: Int
    /// Data codewords of each block, shorter blocks first.
    let blocks: [Int]

    static let all: [QRVersion] = [
        QRVersion(number: 1, correctionPerBlock: 10, blocks: [16]),
        QRVersion(number: 2, correctionPerBlock: 16, blocks: [28]),
        QRVersion(number: 3, correctionPerBlock: 26, blocks: [44]),
        QRVersion(number: 4, correctionPerBlock: 18, blocks: [32, 32]),
        QRVersion(number: 5, correctionPerBlock: 24, blocks: [43, 43]),
        QRVersion(number: 6, correctionPerBlock: 16, blocks: [27, 27, 27, 27]),
        QRVersion(number: 7, correctionPerBlock: 18, blocks: [31, 31, 31, 31]),
        QRVersion(number: 8, correctionPerBlock: 22, blocks: [38, 38, 39, 39]),
        QRVersion(number: 9, correctionPerBlock: 22, blocks: [36, 36, 36, 37, 37]),
        QRVersion(number: 10, correctionPerBlock: 26, blocks: [43, 43, 43, 43, 44]),
    ]

    /// Modules per side.
    var size: Int { 17 + 4 * number }

    var dataCodewords: Int { blocks.reduce(0, +) }

    /// Bits of the byte-mode character count.
    var countBits: Int { number < 10 ? 8 : 16 }

    /// The most bytes a byte-mode segment can carry: 4 bits of mode, then the count.
    var byteCapacity: Int { (dataCodewords * 8 - 4 - countBits) / 8 }

    /// Centres of the alignment patterns along either axis.
    var alignmentCentres: [Int] {
        switch number {
        case 1: []
        case 2...6: [6, size - 7]
        default: [6, (6 + size - 7) / 2, size - 7]
        }
    }
}
