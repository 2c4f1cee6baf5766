import ArgumentParser
import Foundation

/// Prints what went wrong for a person, on stderr, and exits non-zero.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode.failure
}
