import ShelfAuth
import Testing

@Suite struct TOTPTests {
    /// The secret of RFC 4226 Appendix D and RFC 6238 Appendix B.
    let rfcSecret = TOTPSecret(bytes: Array("12345678901234567890".utf8))

    @Test func hotpMatchesRFC4226AppendixD() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { HOTP.code(secret: rfcSecret.bytes, counter: UInt64($0)) } == expected)
    }

    /// RFC 6238 Appendix B, SHA-1: eight digits there, the last six of them in an app.
    @Test(
        arguments: [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ] as [(Int64, String)])
    func totpMatchesRFC6238AppendixB(_ time: Int64, _ code: String) {
        #expect(HOTP.code(secret: rfcSecret.bytes, counter: UInt64(TOTP.step(at: time)), digits: 8) == code)
        #expect(TOTP.code(secret: rfcSecret, at: time) == String(code.suffix(6)))
    }

    @Test func aCodeIsAcceptedOneStepEarlyOrLateButNotTwo() {
        let now: Int64 = 1_111_111_111  // step 37037037
        let step = TOTP.step(at: now)
        for offset in -1...1 {
            let code = TOTP.code(secret: rfcSecret, step: step + Int64(offset))
            #expect(TOTP.verify(code, secret: rfcSecret, at: now, after: nil) == step + Int64(offset))
        }
        for offset in [-2, 2] {
            #expect(TOTP.verify(TOTP.code(secret: rfcSecret, step: step + Int64(offset)), secret: rfcSecret, at: now, after: nil) == nil)
        }
    }

    @Test func aUsedStepIsRefusedAndOnlyLaterOnesAccepted() throws {
        let now: Int64 = 1_234_567_890
        let code = TOTP.code(secret: rfcSecret, at: now)
        let used = try #require(TOTP.verify(code, secret: rfcSecret, at: now, after: nil))
        #expect(TOTP.verify(code, secret: rfcSecret, at: now, after: used) == nil)
        #expect(TOTP.verify(code, secret: rfcSecret, at: now + 10, after: used) == nil)
        let next = TOTP.code(secret: rfcSecret, at: now + 30)
        #expect(TOTP.verify(next, secret: rfcSecret, at: now + 30, after: used) == used + 1)
        // An older code inside the window is refused once a later one was used.
        let previous = TOTP.code(secret: rfcSecret, step: used - 1)
        #expect(TOTP.verify(previous, secret: rfcSecret, at: now, after: used) == nil)
    }

    @Test(arguments: ["", "12345", "1234567", "12345a", "１２３４５６", "050471\n"])
    func malformedCodesAreRefused(_ typed: String) {
        #expect(TOTP.verify(typed, secret: rfcSecret, at: 1_111_111_111, after: nil) == nil)
    }

    @Test func spacesInATypedCodeAreIgnored() {
        #expect(TOTP.verify(" 050 471 ", secret: rfcSecret, at: 1_111_111_111, after: nil) == TOTP.step(at: 1_111_111_111))
    }

    @Test func stepsRoundDownOnBothSidesOfTheEpoch() {
        #expect([-31, -30, -1, 0, 29, 30].map(TOTP.step) == [-2, -1, -1, 0, 0, 1])
        #expect(TOTP.step(at: .min) == .min / 30 - 1)
        #expect(TOTP.verify("123456", secret: rfcSecret, at: .max, after: nil) == nil)
    }

    @Test func aWrongCodeIsRefused() {
        let right = TOTP.code(secret: rfcSecret, at: 59)
        let wrong = String(right.dropLast()) + (right.last == "0" ? "1" : "0")
        #expect(TOTP.verify(wrong, secret: rfcSecret, at: 59, after: nil) == nil)
    }
}
