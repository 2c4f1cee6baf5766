import ShelfCrypto
import Testing

/// A key readied once gives, for every message, the HMAC that padding the key afresh gives.
struct HMACSHA256KeyTests {
    @Test(arguments: [0, 1, 20, 55, 56, 63, 64, 65, 119, 120, 200])
    func oneKeyGivesRFC4231sCodeForEveryMessageLength(length: Int) {
        // RFC 4231 test case 2's key; the messages cross the block and padding boundaries.
        let key = HMACSHA256Key(Array("Jefe".utf8))
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(key.authenticationCode(for: message) == Digest.hmacSHA256(key: Array("Jefe".utf8), message: message))
        #expect(key.authenticationCode(for: message) == key.authenticationCode(for: message))
    }

    @Test func keptKeyMatchesRFC4231TestCase2() {
        let key = HMACSHA256Key(Array("Jefe".utf8))
        #expect(
            Hex.encode(key.authenticationCode(for: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// The code of text given in parts is the code of the parts joined, wherever they are cut.
    @Test func partsGiveTheCodeOfTheJoinedText() {
        let key = HMACSHA256Key(Array("Jefe".utf8))
        let text = "what do ya want for nothing? " + String(repeating: "é", count: 40)
        let whole = key.authenticationCode(for: Array(text.utf8))
        #expect(
            Hex.encode(key.authenticationCode(forUTF8Of: "what do ya want for nothing?"))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        for cut in [0, 1, 28, 29, 40, text.count] {
            let index = text.index(text.startIndex, offsetBy: cut)
            #expect(key.authenticationCode(forUTF8Of: String(text[..<index]), String(text[index...])) == whole, "cut at \(cut)")
        }
        #expect(key.authenticationCode(forUTF8Of: "a", "\0", "b") == key.authenticationCode(for: [0x61, 0, 0x62]))
    }
}
