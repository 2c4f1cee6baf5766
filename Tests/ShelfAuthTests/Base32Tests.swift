import ShelfAuth
import Testing

@Suite struct Base32Tests {
    /// RFC 4648 §10, without the padding.
    static let vectors = [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ]

    @Test(arguments: vectors) func encodesTheRFCVectors(_ plain: String, _ encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
    }

    @Test(arguments: vectors) func decodesTheRFCVectorsInEitherCase(_ plain: String, _ encoded: String) {
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased()) == Array(plain.utf8))
    }

    @Test(arguments: ["MZXW6===", "MZ1W6", "MZXW 6", "M", "MZX", "MZXW6Y", "é"])
    func refusesWhatIsNotUnpaddedBase32(_ text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func everyByteSurvivesTheRoundTrip() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Base32.decode(Base32.encode(bytes)) == bytes)
    }
}
