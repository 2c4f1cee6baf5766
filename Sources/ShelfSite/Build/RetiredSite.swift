import Foundation
import Glibc

/// The site a full build replaced, set aside in one rename and deleted by a detached `rm -rf`,
/// so the build ends without waiting for the file system to forget tens of thousands of files
/// (seconds on ext4 at 10,000 products).
///
/// The retired folder sits beside the staging folder (the same file system, so the rename is
/// one step), named `staging.retired-PID-NANOSECONDS`. A removal that was cut short (a killed
/// build, a reboot) is picked up by a later build.
enum RetiredSite {
    static let marker = ".retired-"

    /// Renames `path` beside itself under a retired name and starts deleting it in the
    /// background; when the rename or the start fails, deletes it here and now instead.
    static func retire(_ path: String) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let retired = "\(path)\(marker)\(getpid())-\(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))"
        guard rename(path, retired) == 0 else { return SiteWriter.removeTree(path) }
        removeInBackground([retired])
    }

    /// Starts deleting the retired folders beside `path` that no removal has touched for
    /// `quietSeconds` (an `rm` at work keeps changing its folder).
    static func sweep(beside path: String, quietSeconds: Int = 60) {
        let parent = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + marker
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let stale = names.filter { $0.hasPrefix(prefix) }.map { parent + "/" + $0 }.filter { folder in
            guard let changed = (try? FileManager.default.attributesOfItem(atPath: folder))?[.modificationDate] as? Date else {
                return false
            }
            return Date().timeIntervalSince(changed) > Double(quietSeconds)
        }
        if !stale.isEmpty { removeInBackground(stale) }
    }

    /// `rm -rf` started by a shell that does not wait for it: the shell ends at once (and is
    /// waited for, so no zombie is left), the `rm` carries on with no terminal, pipe or file of
    /// ours open, so whoever reads the build's output is not held up by it.
    private static func removeInBackground(_ folders: [String]) {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", #"rm -rf -- "$@" </dev/null >/dev/null 2>&1 &"#, "sh"] + folders
        shell.standardInput = FileHandle.nullDevice
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        do {
            try shell.run()
            shell.waitUntilExit()
        } catch {
            folders.forEach(SiteWriter.removeTree)
        }
    }
}
