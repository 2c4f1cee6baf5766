/// Reed–Solomon error correction over GF(256) as QR codes use it: the field built on
/// x⁸ + x⁴ + x³ + x² + 1, and a generator polynomial with roots α⁰ … αⁿ⁻¹.
enum ReedSolomon {
    /// αⁱ for i in 0..<255, and the logarithm of each non-zero element.
    private static let (exponents, logarithms): ([UInt8], [Int]) = {
        var exponents = [UInt8](repeating: 0, count: 255)
        var logarithms = [Int](repeating: 0, count: 256)
        var value = 1
        for power in 0..<255 {
            exponents[power] = UInt8(value)
            logarithms[value] = power
            value <<= 1
            if value > 0xFF { value ^= 0x11D }
        }
        return (exponents, logarithms)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exponents[(logarithms[Int(a)] + logarithms[Int(b)]) % 255]
    }

    /// The coefficients of ∏ (x − αⁱ) for i in 0..<degree, highest power first, without the
    /// leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1  // the polynomial 1, right-aligned
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply by (x + root): in GF(2⁸), minus is plus.
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root) ^ (index + 1 < degree ? coefficients[index + 1] : 0)
            }
            root = multiply(root, 2)
        }
        return coefficients
    }

    /// The `count` error correction codewords of `data`: the remainder of data·xⁿ divided by
    /// the generator.
    static func errorCorrection(for data: [UInt8], count: Int) -> [UInt8] {
        let generator = generator(degree: count)
        var remainder = [UInt8](repeating: 0, count: count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<count { remainder[index] ^= multiply(generator[index], factor) }
        }
        return remainder
    }
}
