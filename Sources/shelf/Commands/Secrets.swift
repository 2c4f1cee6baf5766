import ArgumentParser
import Foundation
import Glibc
import ShelfConfig
import ShelfCrypto
import ShelfSite

extension Shelf {
    struct SecretsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "secrets",
            abstract: "Manage the store's secrets file.",
            subcommands: [Initialise.self])

        struct Initialise: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "init",
                abstract: "Create the secrets file with a new random session key and TOTP key, or add the keys it lacks.",
                discussion: """
                    Writes the file named by `secrets` in shelf.toml (data/secrets.toml by default)
                    with mode 600, so only its owner can read it. The functions refuse to start when
                    other users can read it. An existing file keeps every line it has: only the keys
                    it lacks are added (totp_key, in a file written before two-step sign-in).

                    Example:
                      shelf secrets init --store my-shop
                    """)

            @OptionGroup var options: StoreOption

            func run() throws {
                let folder = options.folder
                let config: StoreConfig
                do {
                    config = try StoreConfig.load(from: folder.root)
                } catch {
                    throw fail("\(error)")
                }
                let path = folder.root + "/" + config.secretsFile
                if FileManager.default.fileExists(atPath: path) {
                    return try addMissingKeys(to: path, name: config.secretsFile)
                }
                try? FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                let text = """
                    # Shelf secrets: readable by the functions' user only (chmod 600). Never commit this file.
                    session_key = "\(Self.newKey())"
                    \(Self.totpKeyLine)
                    """
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else {
                    if errno == EEXIST { throw fail("\(config.secretsFile) already exists; it was left as it is") }
                    throw fail("\(config.secretsFile): cannot be created (\(String(cString: strerror(errno))))")
                }
                defer { close(fd) }
                let bytes = Array(text.utf8)
                guard write(fd, bytes, bytes.count) == bytes.count else { throw fail("\(config.secretsFile): cannot be written") }
                print("Wrote \(config.secretsFile) (mode 600).")
            }

            /// Appends `totp_key` to a valid secrets file that lacks it; nothing else changes.
            private func addMissingKeys(to path: String, name: String) throws {
                let secrets = try failing { try Secrets.load(path, name: name) }
                guard secrets.totpKey == nil else { throw fail("\(name) already exists with every key; it was left as it is") }
                let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
                guard fd >= 0 else { throw fail("\(name): cannot be opened to add totp_key (\(String(cString: strerror(errno))))") }
                defer { close(fd) }
                let endsWithNewline = FileManager.default.contents(atPath: path)?.last.map { $0 == UInt8(ascii: "\n") } ?? true
                let bytes = Array(((endsWithNewline ? "" : "\n") + Self.totpKeyLine).utf8)
                guard write(fd, bytes, bytes.count) == bytes.count else { throw fail("\(name): cannot be written") }
                print("Added totp_key to \(name).")
            }

            /// 32 random bytes in hex.
            private static func newKey() -> String { Hex.encode(SystemRandom().bytes(32)) }

            private static var totpKeyLine: String {
                "# Seals the TOTP secrets of accounts with two-step sign-in; losing it turns their app codes off.\ntotp_key = \"\(newKey())\"\n"
            }
        }
    }
}
