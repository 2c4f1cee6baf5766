import ShelfAuth
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

/// TOTP secrets sealed in the database under the secrets file's `totp_key`.
struct TOTPSealingTests {
    let twoFactor = TwoFactorTests()

    /// The `totp_secret` column of Ann's row, as a copy of the database shows it.
    func storedSecret(_ shop: AccountFixture) throws -> String? {
        let ann = try #require(try shop.store.customer(email: "ann@example.com"))
        return try shop.store.totp(customerID: ann.id)?.secret
    }

    /// Neither the base32 secret nor its bytes, in hex of either case or as raw bytes.
    func revealsNothing(_ stored: String, of secret: TOTPSecret) -> Bool {
        let hex = Hex.encode(secret.bytes)
        return !stored.contains(secret.base32) && !stored.lowercased().contains(hex) && !stored.utf8.elementsEqual(secret.bytes)
            && !Array(stored.utf8).contains(secret.bytes)
    }

    @Test func theDatabaseKeepsTheSecretSealedAndTheLoginStillWorks() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, _) = try twoFactor.enrolAnn(shop)
            let stored = try #require(try storedSecret(shop))
            #expect(stored.hasPrefix(TOTPSealing.prefix))
            #expect(revealsNothing(stored, of: secret))
            shop.now += 60
            try twoFactor.passwordLogin(shop)
            #expect(try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now)).status == 303)
            #expect(try shop.send("GET", ".json").html == #"{"name":"Ann"}"#)
        }
    }

    @Test func anotherKeyFailsClosedLogsAndLeavesTheRecoveryCodes() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, recovery) = try twoFactor.enrolAnn(shop)
            let stored = try storedSecret(shop)
            shop.totpKey = [UInt8](repeating: 0x11, count: 32)
            shop.now += 60
            #expect(try twoFactor.passwordLogin(shop).header("Location") == SecondFactor.path)
            let refused = try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now))
            #expect(refused.status == 403)
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            #expect(shop.log.all.contains { $0.contains("does not open with totp_key") })
            #expect(!shop.log.all.joined().contains(secret.base32))
            #expect(try storedSecret(shop) == stored, "the row is left as it was")
            // The recovery codes do not depend on the key.
            #expect(try twoFactor.second(shop, recovery[0]).status == 303)
        }
    }

    @Test func withoutAKeyTheAppCodeIsRefusedAndTwoFactorCannotBeTurnedOn() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let (secret, _) = try twoFactor.enrolAnn(shop)
            shop.totpKey = nil
            shop.now += 60
            try twoFactor.passwordLogin(shop)
            #expect(try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now)).status == 403)
            #expect(shop.log.all.contains { $0.contains("has no totp_key") })

            try shop.store.disableTOTP(customerID: try #require(try shop.store.customer(email: "ann@example.com")).id)
            try twoFactor.passwordLogin(shop)
            let page = try shop.send("GET", "/two-factor")
            #expect(page.response.status == 503)
            #expect(!page.html.contains("data-totp-secret"), "no secret to scan that could not be kept")
            #expect(
                shop.log.all.contains { $0.contains("secrets.toml has no totp_key to seal TOTP secrets with; run `shelf secrets init`") })
        }
    }

    @Test func aSecretStoredBeforeSealingStillWorksAndIsSealedOnItsNextUse() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            let ann = try #require(try shop.store.customer(email: "ann@example.com"))
            let secret = TOTPSecret.generate(using: SystemRandom())
            try shop.store.enableTOTP(customerID: ann.id, secret: secret.base32, step: 0, recoveryHashes: [])

            // Without a key the old row still logs in, and stays as it is.
            shop.totpKey = nil
            try twoFactor.passwordLogin(shop)
            #expect(try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now)).status == 303)
            #expect(try storedSecret(shop) == secret.base32)
            try shop.post("/logout", [:], from: "/")

            // With the key, its next use seals it in place.
            shop.totpKey = AccountFixture.totpKey
            shop.now += 30
            try twoFactor.passwordLogin(shop)
            #expect(try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now)).status == 303)
            let stored = try #require(try storedSecret(shop))
            #expect(stored.hasPrefix(TOTPSealing.prefix))
            #expect(revealsNothing(stored, of: secret))
            try shop.post("/logout", [:], from: "/")
            shop.now += 30
            try twoFactor.passwordLogin(shop)
            #expect(try twoFactor.second(shop, TOTP.code(secret: secret, at: shop.now)).status == 303)
        }
    }
}
