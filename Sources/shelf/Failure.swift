import ArgumentParser
import Foundation

/// Prints what went wrong for a person, on stderr, and exits non-zero.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode.failure
}

/// Runs `work`; an error it throws is printed for a person, after `context` when there is one
/// (`order 1042: …`), and ends the command.
@discardableResult
func failing<T>(_ context: String? = nil, _ work: () throws -> T) throws -> T {
    do {
        return try work()
    } catch {
        throw fail(context.map { "\($0): \(error)" } ?? "\(error)")
    }
}
