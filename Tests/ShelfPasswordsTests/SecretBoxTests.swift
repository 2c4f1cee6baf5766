import Testing

@testable import ShelfPasswords

@Suite struct SecretBoxTests {
    let key = [UInt8](repeating: 0x5a, count: 32)
    let message = Array("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".utf8)
    let nonce = (0..<24).map { UInt8($0) }

    @Test func aSealedMessageOpensUnderItsKeyAndCarriesItsNonce() throws {
        let box = try SecretBox(key: key)
        let sealed = box.seal(message, nonce: nonce)
        #expect(sealed.count == 24 + message.count + 16)
        #expect(Array(sealed.prefix(24)) == nonce)
        #expect(!sealed.dropFirst(24).starts(with: message.prefix(8)))
        #expect(box.open(sealed) == message)
        #expect(box.seal(message, nonce: nonce.reversed()) != sealed, "another nonce, another ciphertext")
    }

    @Test func anotherKeyOrAnyAlteredByteDoesNotOpen() throws {
        let sealed = try SecretBox(key: key).seal(message, nonce: nonce)
        var other = key
        other[31] ^= 1
        #expect(try SecretBox(key: other).open(sealed) == nil)
        let box = try SecretBox(key: key)
        for index in sealed.indices {
            var altered = sealed
            altered[index] ^= 0x80
            #expect(box.open(altered) == nil, "byte \(index)")
        }
        #expect(box.open(Array(sealed.prefix(39))) == nil)
        #expect(box.open([]) == nil)
    }

    @Test func aKeyOfTheWrongLengthIsRefused() {
        #expect(throws: SecretBoxError.self) { try SecretBox(key: [UInt8](repeating: 1, count: 16)) }
    }
}
