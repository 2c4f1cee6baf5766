import ShelfCrypto
import Testing

/// ShelfCrypto's SHA-256 and HMAC-SHA256 against published vectors, and at every length where
/// the padding changes shape.
@Suite struct DigestTests {
    @Test func sha256MatchesTheFIPSVectors() {
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            Digest.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Digest.sha256Hex(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(
            Hex.encode(Digest.sha256(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around 56 and 64 bytes: the length field fits in the last block or needs one more.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256OfEveryPaddingShape(count: Int, expected: String) {
        #expect(Digest.sha256Hex(String(repeating: "a", count: count)) == expected)
    }

    @Test func hmacSHA256MatchesRFC4231() {
        func mac(_ key: [UInt8], _ message: [UInt8]) -> String { Hex.encode(Digest.hmacSHA256(key: key, message: message)) }
        // Test cases 1 to 4, 6 and 7 (5 truncates the output).
        #expect(
            mac(Array(repeating: 0x0b, count: 20), Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            mac(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            mac(Array(repeating: 0xaa, count: 20), Array(repeating: 0xdd, count: 50))
                == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        #expect(
            mac(Array(1...25), Array(repeating: 0xcd, count: 50))
                == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        #expect(
            mac(Array(repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        let long =
            "This is a test using a larger than block-size key and a larger than block-size data. "
            + "The key needs to be hashed before being used by the HMAC algorithm."
        #expect(
            mac(Array(repeating: 0xaa, count: 131), Array(long.utf8))
                == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    /// A key of exactly one block is used as it is; one byte more and it is hashed first.
    @Test func hmacSHA256AtTheBlockSize() {
        let message = Array("m".utf8)
        #expect(
            Hex.encode(Digest.hmacSHA256(key: Array(repeating: UInt8(ascii: "k"), count: 64), message: message))
                == "3b7a8d453e76edb519238a515105a57508d0f169f480ebeee120a9e7803289fa")
        #expect(
            Hex.encode(Digest.hmacSHA256(key: Array(repeating: UInt8(ascii: "k"), count: 65), message: message))
                == "c2d7d4c2256ddb097409ec0c67e1d58fa1a007fc6932cac0d892a525d08af7cc")
        #expect(Hex.encode(Digest.hmacSHA256(key: [], message: [])) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func constantTimeEqualsComparesWholeValues() {
        #expect(Digest.constantTimeEquals([1, 2], [1, 2]))
        #expect(Digest.constantTimeEquals([], []))
        #expect(!Digest.constantTimeEquals([1, 2], [1, 3]))
        #expect(!Digest.constantTimeEquals([2, 2], [1, 2]))
        #expect(!Digest.constantTimeEquals([1, 2], [1, 2, 3]))
    }

    @Test func textComparisonComparesWholeValues() {
        #expect(Digest.constantTimeEquals("token", "token"))
        #expect(Digest.constantTimeEquals("", ""))
        #expect(!Digest.constantTimeEquals("token", "tokem"))
        #expect(!Digest.constantTimeEquals("token", "token1"))
        #expect(!Digest.constantTimeEquals("é", "e"))
    }
}
