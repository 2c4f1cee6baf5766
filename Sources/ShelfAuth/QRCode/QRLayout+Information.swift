/// Format and version information: what a reader decodes first to learn the level, the mask
/// and, from version 7, the version.
extension QRLayout {
    /// The 15 format bits (level M, `mask`) in both copies, and the dark module beside them.
    mutating func drawFormatBits(_ mask: Int) {
        let bits = Self.formatBits(mask: mask)
        let bit = { (index: Int) in bits >> index & 1 == 1 }
        // Around the top-left finder: up column 8, then left along row 8, skipping the timing lines.
        for index in 0...5 { set(index, 8, dark: bit(index)) }
        set(7, 8, dark: bit(6))
        set(8, 8, dark: bit(7))
        set(8, 7, dark: bit(8))
        for index in 9..<15 { set(8, 14 - index, dark: bit(index)) }
        // Split between the other two finders.
        for index in 0..<8 { set(8, size - 1 - index, dark: bit(index)) }
        for index in 8..<15 { set(size - 15 + index, 8, dark: bit(index)) }
        set(size - 8, 8, dark: true)
    }

    /// Level M (00) and the mask, with their BCH(15,5) check bits, XORed with 101010000010010.
    static func formatBits(mask: Int) -> Int {
        let data = 0b00 << 3 | mask
        return (data << 10 | bchRemainder(data << 10, generator: 0b101_0011_0111)) ^ 0b101_0100_0001_0010
    }

    /// The 18 version bits (6 of version, 12 of BCH(18,6)) in the 3×6 blocks by two finders.
    mutating func drawVersionBits() {
        let bits = Self.versionBits(version.number)
        for index in 0..<18 {
            let dark = bits >> index & 1 == 1
            set(index / 3, size - 11 + index % 3, dark: dark)
            set(size - 11 + index % 3, index / 3, dark: dark)
        }
    }

    static func versionBits(_ number: Int) -> Int {
        number << 12 | bchRemainder(number << 12, generator: 0b1_1111_0010_0101)
    }

    /// The remainder of `value` divided by `generator`, both polynomials over GF(2).
    private static func bchRemainder(_ value: Int, generator: Int) -> Int {
        var remainder = value
        let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
        while Int.bitWidth - remainder.leadingZeroBitCount - 1 >= degree {
            remainder ^= generator << (Int.bitWidth - remainder.leadingZeroBitCount - 1 - degree)
        }
        return remainder
    }
}
