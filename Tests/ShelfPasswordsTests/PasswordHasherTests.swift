import Testing

@testable import ShelfPasswords

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher.owasp

    @Test func aHashIsAnArgon2idPHCStringWithTheOWASPParameters() throws {
        let stored = try hasher.hash("correct horse battery")
        #expect(stored.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(!stored.contains("correct horse"))
    }

    @Test func theRightPasswordVerifiesAndAWrongOneDoesNot() throws {
        let stored = try hasher.hash("correct horse battery")
        #expect(hasher.verify("correct horse battery", against: stored))
        #expect(!hasher.verify("correct horse batterY", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func theSamePasswordHashesDifferentlyEachTime() throws {
        #expect(try hasher.hash("same password") != hasher.hash("same password"))
    }

    @Test func aStringThatIsNoHashNeverVerifies() {
        #expect(!hasher.verify("anything", against: "not a hash"))
        #expect(!hasher.verify("anything", against: ""))
        #expect(!hasher.verify("anything", against: String(repeating: "$", count: 500)))
    }

    @Test func aHashWithWeakerParametersNeedsRehashing() throws {
        let weak = try PasswordHasher(opsLimit: 1, memLimit: 8 * 1024 * 1024).hash("old password")
        #expect(hasher.verify("old password", against: weak))
        #expect(hasher.needsRehash(weak))
        #expect(!hasher.needsRehash(try hasher.hash("new password")))
        #expect(hasher.needsRehash("not a hash"))
    }

    @Test func theDummyHashHasTheSameParametersAndNeverMatches() {
        #expect(!hasher.needsRehash(PasswordHasher.dummyHash))
        #expect(!hasher.verifyDummy("shelf dummy"))
        #expect(hasher.verify("shelf dummy", against: PasswordHasher.dummyHash))
    }
}
