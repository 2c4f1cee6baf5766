import ShelfCrypto
import Testing

/// Hex and base64url text of bytes, against RFC 4648's vectors and at every length a group of
/// three bytes can end with.
struct TextEncodingTests {
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func base64URLMatchesRFC4648(text: String, expected: String) {
        #expect(Base64URL.encode(Array(text.utf8)) == expected)
        #expect(Base64URL.decode(expected) == Array(text.utf8))
    }

    /// The two characters that differ from standard base64: `-` for `+`, `_` for `/`.
    @Test func base64URLUsesTheURLSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.encode([0xff]) == "_w")
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect(Hex.encode([]) == "")
        #expect(Hex.encode([0x00, 0x09, 0x0a, 0x7f, 0x80, 0xde, 0xad, 0xff]) == "00090a7f80deadff")
        #expect(Hex.decode("00090A7f80DEADff") == [0x00, 0x09, 0x0a, 0x7f, 0x80, 0xde, 0xad, 0xff])
    }
}
