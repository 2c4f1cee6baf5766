extension SHA256 {
    /// The eight words SHA-256 carries from block to block; after the padding, the digest.
    struct State: Sendable, Equatable {
        var a, b, c, d, e, f, g, h: UInt32

        /// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
        static let initial = State(
            a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a, e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab,
            h: 0x5be0_cd19)

        /// The digest, 32 bytes, the words big-endian.
        var bytes: [UInt8] {
            withDigest { digest in Array(digest) }
        }

        /// Calls `body` with the digest's 32 bytes, kept on the stack: what HMAC's outer hash
        /// reads.
        func withDigest<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            let words = (
                a.bigEndian, b.bigEndian, c.bigEndian, d.bigEndian, e.bigEndian, f.bigEndian, g.bigEndian, h.bigEndian
            )
            return withUnsafeBytes(of: words, body)
        }
    }
}
