import Foundation
import Glibc

/// The deliverer process that holds claims on outbox messages, named so that another deliverer
/// can tell whether it still runs: the machine's boot, the process id namespace, the process id
/// and the process's start time (`5f1c…-e2 4026531836 4242 981234`).
///
/// A process id is reused, but never with the same start time within one boot, so the name
/// stands for one process for ever. Its liveness can only be judged from the same boot and the
/// same process id namespace (not from another machine or container); claims held from
/// elsewhere run out with their lease instead.
struct OutboxClaimHolder: Hashable, Sendable {
    let boot: String
    let namespace: String
    let pid: Int32
    let started: String

    /// This process; nil where the system does not say (no `/proc`).
    static let current: OutboxClaimHolder? = {
        let pid = getpid()
        guard let boot = bootID, let namespace = pidNamespace, let started = startTime(of: pid) else { return nil }
        return OutboxClaimHolder(boot: boot, namespace: namespace, pid: pid, started: started)
    }()

    init(boot: String, namespace: String, pid: Int32, started: String) {
        self.boot = boot
        self.namespace = namespace
        self.pid = pid
        self.started = started
    }

    /// Reads a name written by ``text``; nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 4, let pid = Int32(parts[2]) else { return nil }
        self.init(boot: parts[0], namespace: parts[1], pid: pid, started: parts[3])
    }

    /// The name stored in the outbox's `claimed_by`.
    var text: String { "\(boot) \(namespace) \(pid) \(started)" }

    /// True when the holder ran in this boot and process id namespace and has ended: its
    /// process is gone, is another process now, or is a zombie waiting to be reaped.
    var hasEnded: Bool {
        guard let current = Self.current, boot == current.boot, namespace == current.namespace else { return false }
        guard let status = Self.processStatus(of: pid) else { return true }
        return status.state == "Z" || status.state == "X" || status.started != started
    }

    private static var bootID: String? {
        FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id")
            .map { String(decoding: $0, as: UTF8.self).filter { !$0.isWhitespace } }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `pid:[4026531836]` → `4026531836`.
    private static var pidNamespace: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid"))
            .map { $0.filter(\.isNumber) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    static func startTime(of pid: Int32) -> String? {
        processStatus(of: pid)?.started
    }

    /// The state (field 3) and start time (field 22) of `/proc/PID/stat`. The command name
    /// (field 2) is in parentheses and may hold spaces, so fields are counted after its last `)`.
    private static func processStatus(of pid: Int32) -> (state: String, started: String)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return (String(fields[0]), String(fields[19]))
    }
}
