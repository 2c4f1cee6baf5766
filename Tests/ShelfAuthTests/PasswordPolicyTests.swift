import ShelfAuth
import Testing

@Suite struct PasswordPolicyTests {
    @Test(arguments: ["password", "baseball", "iloveyou", "PassWord", "QWERTYUIOP", "trustno1", "1qaz2wsx"])
    func commonPasswordsAreRefusedInAnyCase(_ password: String) {
        #expect(PasswordPolicy.problem(with: password)?.contains("most common") == true)
    }

    @Test func aLongUnusualPasswordIsAccepted() {
        #expect(PasswordPolicy.problem(with: "correct horse battery staple, left at Dún Laoghaire") == nil)
    }

    @Test func sevenCharactersAreTooFewAndEightEnough() {
        #expect(PasswordPolicy.problem(with: "kq7-zvm") == "Use at least 8 characters for your password.")
        #expect(PasswordPolicy.problem(with: "kq7-zvmx") == nil)
    }

    @Test func oneHundredTwentyEightCharactersAreEnoughAndOneMoreTooMany() {
        let base = String(repeating: "kq7-zvmx", count: 16)
        #expect(PasswordPolicy.problem(with: base) == nil)
        #expect(PasswordPolicy.problem(with: base + "y") == "Use at most 128 characters for your password.")
    }

    @Test func accentedLettersCountOnceWhetherComposedOrNot() {
        let composed = String(repeating: "\u{E9}", count: 128)  // é
        let decomposed = String(repeating: "e\u{301}", count: 128)  // e + combining acute
        #expect(PasswordPolicy.problem(with: composed) == nil)
        #expect(PasswordPolicy.problem(with: decomposed) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "e\u{301}", count: 7)) != nil)
    }

    @Test func composedAndDecomposedFormsNormalizeToTheSameBytes() throws {
        let composed = try #require(PasswordPolicy.normalized("caf\u{E9} au lait"))
        let decomposed = try #require(PasswordPolicy.normalized("cafe\u{301} au lait"))
        #expect(Array(composed.utf8) == Array(decomposed.utf8))
        #expect(Array(composed.utf8) == Array("caf\u{E9} au lait".utf8))
    }

    @Test func aMegabytePasswordIsRefusedBeforeNormalizing() {
        let huge = String(repeating: "x", count: 1 << 20)
        #expect(PasswordPolicy.normalized(huge) == nil)
        #expect(PasswordPolicy.problem(with: huge) == "Use at most 128 characters for your password.")
    }
}
