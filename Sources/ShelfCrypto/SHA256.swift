/// SHA-256 as FIPS 180-4 defines it.
///
/// Shelf hashes short values (a session cookie, the input of a form token), and linking
/// OpenSSL's libcrypto for them cost every CGI request more than a millisecond: the library's
/// load-time relocations alone outweigh all the hashing a request does.
enum SHA256 {
    /// The digest of `message`, 32 bytes.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        hash(message, continuing: initialState, after: 0)
    }

    /// The state after folding `block` (64 bytes) into the initial state: what an HMAC key keeps
    /// of its padded key, so that each message pays for its own blocks only.
    static func state(afterBlock block: [UInt8]) -> [UInt32] {
        precondition(block.count == 64, "SHA-256 folds blocks of 64 bytes")
        var state = initialState
        var schedule = [UInt32](repeating: 0, count: 64)
        compress(&state, block[...], &schedule)
        return state
    }

    /// The digest of `prefixLength` bytes already folded into `state` (whole blocks) followed by
    /// `message`.
    static func hash(_ message: [UInt8], continuing start: [UInt32], after prefixLength: Int) -> [UInt8] {
        var state = start
        var schedule = [UInt32](repeating: 0, count: 64)
        let whole = message.count / 64 * 64
        for start in stride(from: 0, to: whole, by: 64) {
            compress(&state, message[start..<start + 64], &schedule)
        }
        // The rest, a 1 bit, zeros up to 8 bytes short of a block, and the length in bits.
        var tail = Array(message[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(prefixLength + message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        for start in stride(from: 0, to: tail.count, by: 64) {
            compress(&state, tail[start..<start + 64], &schedule)
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            for shift: UInt32 in [24, 16, 8, 0] { digest.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return digest
    }

    /// Folds one 64-byte block into `state`.
    ///
    /// On unsafe buffers: the sizes are fixed (64 bytes in, 64 words of schedule, 8 of state),
    /// and an array's bounds and uniqueness checks on every word cost more than the arithmetic.
    private static func compress(_ state: inout [UInt32], _ block: ArraySlice<UInt8>, _ schedule: inout [UInt32]) {
        precondition(block.count == 64 && state.count == 8 && schedule.count == 64, "SHA-256 folds 64-byte blocks")
        block.withUnsafeBufferPointer { block in
            schedule.withUnsafeMutableBufferPointer { w in
                roundConstants.withUnsafeBufferPointer { k in
                    state.withUnsafeMutableBufferPointer { state in
                        compress(state.baseAddress!, block.baseAddress!, w.baseAddress!, k.baseAddress!)
                    }
                }
            }
        }
    }

    private static func compress(
        _ state: UnsafeMutablePointer<UInt32>, _ block: UnsafePointer<UInt8>, _ w: UnsafeMutablePointer<UInt32>,
        _ k: UnsafePointer<UInt32>
    ) {
        for t in 0..<16 {
            let index = 4 * t
            w[t] = UInt32(block[index]) << 24 | UInt32(block[index + 1]) << 16 | UInt32(block[index + 2]) << 8 | UInt32(block[index + 3])
        }
        for t in 16..<64 {
            let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
            let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for t in 0..<64 {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ s0 &+ majority)
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
        state[5] &+= f
        state[6] &+= g
        state[7] &+= h
    }

    /// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        self >> count | self << (32 - count)
    }
}
