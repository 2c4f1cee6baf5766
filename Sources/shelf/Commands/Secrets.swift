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
                abstract: "Create the secrets file with a new random session key.",
                discussion: """
                    Writes the file named by `secrets` in shelf.toml (data/secrets.toml by default)
                    with mode 600, so only its owner can read it. The functions refuse to start when
                    other users can read it. An existing file is never overwritten.

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
                try? FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                let text = """
                    # Shelf secrets: readable by the functions' user only (chmod 600). Never commit this file.
                    session_key = "\(Hex.encode(SystemRandom().bytes(32)))"

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
        }
    }
}
