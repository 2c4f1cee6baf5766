import Foundation
import ShelfConfig
import ShelfTesting
import Testing

@Suite struct SecretsTests {
    let text = "session_key = \"\(String(repeating: "0f", count: 32))\"\nstripe = \"sk_test\"\n"

    func write(_ text: String, mode: Int, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("secrets.toml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func readsAFileOnlyItsOwnerCanRead() throws {
        try withTemporaryDirectory { directory in
            let secrets = try Secrets.load(try write(text, mode: 0o600, in: directory), name: "data/secrets.toml")
            #expect(secrets.sessionKey == Array(repeating: 0x0f, count: 32))
            #expect(secrets.value("stripe") == "sk_test")
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func refusesAFileOthersCanRead(_ mode: Int) throws {
        try withTemporaryDirectory { directory in
            let path = try write(text, mode: mode, in: directory)
            #expect {
                try Secrets.load(path, name: "data/secrets.toml")
            } throws: { error in
                "\(error)".contains("chmod 600 data/secrets.toml")
            }
        }
    }

    @Test func refusesAMissingFileOrAShortKey() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: SiteError.self) { try Secrets.load(directory.file("none.toml"), name: "none.toml") }
            let short = try write("session_key = \"abcd\"\n", mode: 0o600, in: directory)
            #expect(throws: SiteError.self) { try Secrets.load(short, name: "secrets.toml") }
            let missing = try write("other = \"x\"\n", mode: 0o600, in: directory)
            #expect(throws: SiteError.self) { try Secrets.load(missing, name: "secrets.toml") }
        }
    }

    @Test func theTOTPKeyIsOptionalButMustBe32BytesWhenThere() throws {
        #expect(try Secrets(toml: text, name: "secrets.toml").totpKey == nil)
        let key = "totp_key = \"\(String(repeating: "a1", count: 32))\"\n"
        #expect(try Secrets(toml: text + key, name: "secrets.toml").totpKey == Array(repeating: 0xa1, count: 32))
        for bad in [String(repeating: "a1", count: 16), String(repeating: "a1", count: 33), String(repeating: "zz", count: 32)] {
            #expect {
                try Secrets(toml: text + "totp_key = \"\(bad)\"\n", name: "secrets.toml")
            } throws: { error in
                "\(error)" == "secrets.toml: totp_key must be exactly 64 hex digits (32 random bytes)"
            }
        }
    }

    @Test func aSyntaxErrorDoesNotQuoteTheFile() throws {
        do {
            _ = try Secrets(toml: "session_key = \"secret-value\n", name: "secrets.toml")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("secret-value"))
            #expect("\(error)".hasPrefix("secrets.toml:1:"))
        }
    }
}
