import ShelfAuth
import ShelfCrypto
import Testing

@Suite struct RecoveryCodesTests {
    @Test func tenDistinctGroupedCodesComeFromTheRandomSource() {
        let codes = RecoveryCodes.generate(using: CountingRandom())
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 11)
            #expect(Array(code)[5] == "-")
            #expect(code.replacingDashes.allSatisfy { "23456789abcdefghjkmnpqrstuvwxyz".contains($0) })
        }
        #expect(RecoveryCodes.generate(using: CountingRandom()) == codes)
    }

    /// Bytes 0 to 7 read big-endian, 283,686,952,306,183, written in base 31 from its least
    /// significant digit (worked out independently, in Python).
    @Test func theFirstCodeIsItsEightRandomBytesInBase31() {
        #expect(RecoveryCodes.generate(using: CountingRandom())[0] == "w4tma-y6nrc")
    }

    @Test(arguments: ["abcde-fghjk", "ABCDE-FGHJK", "abcdefghjk", " abc de-fgh jk ", "AbCdE - fGhJk"])
    func caseSpacesAndDashesDoNotMatter(_ typed: String) {
        #expect(RecoveryCodes.normalized(typed) == "abcde-fghjk")
    }

    @Test(arguments: ["", "abcde-fghj", "abcde-fghjkm", "abcde-fghj0", "abcde-fghjl", "abcde_fghjk", "abcde\nfghjk"])
    func whatCannotBeACodeIsRefused(_ typed: String) {
        #expect(RecoveryCodes.normalized(typed) == nil)
    }

    @Test func everyGeneratedCodeNormalizesToItself() {
        for code in RecoveryCodes.generate(using: SystemRandom()) {
            #expect(RecoveryCodes.normalized(code.uppercased()) == code)
        }
    }
}

extension String {
    fileprivate var replacingDashes: String { filter { $0 != "-" } }
}
