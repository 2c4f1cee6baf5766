import ShelfCrypto

/// A random source that counts 0, 1, 2, … (wrapping at 256) across calls, so what is made from
/// it is known in advance and two draws differ.
final class CountingRandom: RandomSource, @unchecked Sendable {
    private var next: UInt8 = 0

    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            defer { next &+= 1 }
            return next
        }
    }
}
