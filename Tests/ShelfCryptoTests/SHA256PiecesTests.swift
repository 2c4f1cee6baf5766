import Testing

@testable import ShelfCrypto

/// A hash fed in pieces gives the digest of the whole message, wherever the pieces end: the
/// partial block is carried over, filled and folded at the right bytes.
struct SHA256PiecesTests {
    /// 200 bytes: three whole blocks and a tail, so every cut lands before, on or after a block's end.
    static let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

    @Test func everyCutIntoTwoPiecesGivesTheWholeDigest() {
        let whole = SHA256.hash(Self.message)
        for cut in 0...Self.message.count {
            var hasher = SHA256()
            hasher.update(Array(Self.message[..<cut]))
            hasher.update(Array(Self.message[cut...]))
            #expect(hasher.finish().bytes == whole, "cut at \(cut)")
        }
    }

    @Test func oneByteAtATimeGivesTheWholeDigest() {
        var hasher = SHA256()
        for byte in Self.message { hasher.update([byte]) }
        #expect(hasher.finish().bytes == SHA256.hash(Self.message))
    }

    /// FIPS 180-4's two-block example, fed as text in two pieces that split its first block.
    @Test func textPiecesGiveTheFIPSDigest() {
        var hasher = SHA256()
        hasher.update("abcdbcdecdefdefgefghfghighijhijk")
        hasher.update("ijkljklmklmnlmnomnopnopq")
        #expect(Hex.encode(hasher.finish().bytes) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// A state continued after a block hashes the rest as if the block had been fed first.
    @Test func aContinuedStateHashesAsTheWholeMessage() {
        let first = Array(Self.message[..<64])
        var hasher = SHA256(continuing: SHA256.state(afterBlock: first), after: 64)
        hasher.update(Array(Self.message[64...]))
        #expect(hasher.finish().bytes == SHA256.hash(Self.message))
    }
}
