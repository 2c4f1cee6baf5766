import CShelfSystem
import Foundation

/// What the build holds between its steps.
///
/// Each step starts by handing back what the steps before freed (``trim()``): the parsing of
/// every product file, the catalogue sync's rows. Without it glibc keeps those pages, spread over
/// one arena per thread, and they count towards the build's peak.
///
/// With `SHELF_BUILD_MEMORY=1` the build prints, at the end of each step, its resident memory
/// then, after the trim, and the highest it reached during the step, from `/proc/self/status`.
enum MemoryReport {
    static let enabled = Foundation.ProcessInfo.processInfo.environment["SHELF_BUILD_MEMORY"] == "1"

    /// Gives freed heap pages back to the system.
    static func trim() { c_shelf_trim_heap() }

    /// `      memory: 480 MiB now, 402 MiB after trim, 512 MiB peak`, for the step that just
    /// ended; trims, and resets the peak so the next line shows the next step's own.
    static func line() -> String {
        let before = status()
        trim()
        let after = status()
        // "5" resets the peak resident size to the current one (Linux 4.0 and later).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return "      memory: \(before.resident) MiB now, \(after.resident) MiB after trim, \(before.peak) MiB peak\n"
    }

    private static func status() -> (resident: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func mebibytes(_ field: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
        }
        return (mebibytes("VmRSS"), mebibytes("VmHWM"))
    }
}
