import ShelfCrypto
import Testing

/// SHA-1 against the FIPS 180 and RFC 3174 vectors, and at every length where the padding
/// changes shape.
@Suite struct SHA1Tests {
    func sha1Hex(_ text: String) -> String { Hex.encode(Digest.sha1(Array(text.utf8))) }

    @Test func matchesThePublishedVectors() {
        #expect(sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(sha1Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(sha1Hex(String(repeating: "01234567", count: 80)) == "dea356a2cddd90c7a7ecedc5ebb563934f460452")
        #expect(sha1Hex(String(repeating: "a", count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// 55 bytes still fit the length in one block; 56 to 63 spill into a second.
    @Test(arguments: [55, 56, 63, 64, 119, 120])
    func lengthsAroundABlockEdge(_ count: Int) {
        let expected = [
            55: "c1c8bbdc22796e28c0e15163d20899b65621d65a", 56: "c2db330f6083854c99d4b5bfb6e8f29f201be699",
            63: "03f09f5b158a7a8cdad920bddc29b81c18a551f5", 64: "0098ba824b5c16427bd7a1122a5a442a25ec644d",
            119: "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56", 120: "f34c1488385346a55709ba056ddd08280dd4c6d6",
        ]
        #expect(sha1Hex(String(repeating: "a", count: count)) == expected[count])
    }
}
