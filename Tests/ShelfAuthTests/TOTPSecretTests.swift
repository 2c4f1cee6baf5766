import ShelfAuth
import ShelfCrypto
import Testing

@Suite struct TOTPSecretTests {
    @Test func aNewSecretIsTwentyBytesFromTheRandomSource() {
        let secret = TOTPSecret.generate(using: CountingRandom())
        #expect(secret.bytes == Array(0..<20))
        #expect(secret.base32 == "AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT")
        #expect(TOTPSecret(base32: secret.base32) == secret)
        #expect(TOTPSecret(base32: secret.base32.lowercased()) == secret)
    }

    @Test(arguments: ["", "not base32!", "MZXW6==="])
    func textThatIsNotASecretIsRefused(_ text: String) {
        #expect(TOTPSecret(base32: text) == nil)
    }

    @Test func theURIFollowsTheKeyURIFormat() {
        let secret = TOTPSecret(bytes: Array("12345678901234567890".utf8))
        #expect(
            secret.otpauthURI(issuer: "Shelf", account: "ann@example.com")
                == "otpauth://totp/Shelf:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Shelf")
    }

    @Test func theURIPercentEncodesWhatWouldSplitIt() {
        let secret = TOTPSecret(bytes: [1, 2, 3])
        #expect(
            secret.otpauthURI(issuer: "Ann & Bob: Café", account: "a+b@example.com")
                == "otpauth://totp/Ann%20%26%20Bob%3A%20Caf%C3%A9:a%2Bb%40example.com?secret=AEBAG&issuer=Ann%20%26%20Bob%3A%20Caf%C3%A9")
    }
}
