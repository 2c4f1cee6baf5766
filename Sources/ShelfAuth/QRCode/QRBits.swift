/// A growing run of bits, most significant first, read out as bytes.
struct QRBits {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    /// The low `count` bits of `value`, highest first.
    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append(value >> shift & 1 == 1) }
    }

    /// The bits in whole bytes; a partial last byte is padded with zeros.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { byte, offset in byte << 1 | (start + offset < bits.count && bits[start + offset] ? 1 : 0) }
        }
    }
}
