extension SHA256 {
    /// Folds the 64 bytes at `block` into `state`.
    ///
    /// The schedule lives in a temporary allocation on the stack, and the rounds go eight at a
    /// time with the working words renamed instead of moved: an array per block, and shuffling
    /// eight words after every round, cost more than the rounds' arithmetic.
    static func compress(_ state: inout State, _ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
            }
            for t in 16..<64 {
                let w15 = w[t - 15]
                let w2 = w[t - 2]
                let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            withUnsafeBytes(of: roundConstants) { constants in
                let k = constants.baseAddress!.assumingMemoryBound(to: UInt32.self)
                var (a, b, c, d, e, f, g, h) = (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h)
                for t in stride(from: 0, to: 64, by: 8) {
                    round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                    round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                    round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                    round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                    round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                    round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                    round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                    round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                }
                state.a &+= a
                state.b &+= b
                state.c &+= c
                state.d &+= d
                state.e &+= e
                state.f &+= f
                state.g &+= g
                state.h &+= h
            }
        }
    }

    /// One round, FIPS 180-4 §6.2.2 step 3, for working words named as this round sees them:
    /// `d` takes `e`'s next value and `h` `a`'s, the other six move one place by renaming.
    /// `Ch` and `Maj` are written with one operation fewer than the standard's forms.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ constantAndWord: UInt32
    ) {
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ choice &+ constantAndWord
        let majority = (a & b) | (c & (a | b))
        let temp2 = (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ majority
        d &+= temp1
        h = temp1 &+ temp2
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    ///
    /// A tuple, laid out as 64 words in a row: a global array would be checked for its
    /// initialisation and its bounds on every round.
    private static let roundConstants:
        (
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
            (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
        ) = (
            (0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5),
            (0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174),
            (0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da),
            (0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967),
            (0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85),
            (0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070),
            (0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3),
            (0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2)
        )
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        self >> count | self << (32 - count)
    }
}
