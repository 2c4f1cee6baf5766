import Foundation

/// Reports build steps as `[3/6] Render pages 1200/10000`, updating in place on a terminal.
public final class Progress: @unchecked Sendable {
    private let total: Int
    private var step = 0
    private let isTerminal: Bool
    private let quiet: Bool
    private let lock = NSLock()
    private var lastDraw = DispatchTime.now()

    public init(steps: Int, quiet: Bool = false) {
        self.total = steps
        self.quiet = quiet
        self.isTerminal = isatty(STDERR_FILENO) == 1
    }

    private var stepStarted = DispatchTime.now()
    private var stepStartedCPU = Progress.cpuSeconds()
    private let timings = Foundation.ProcessInfo.processInfo.environment["SHELF_TIMINGS"] == "1"

    /// Starts a step: the one before ends, and what it freed goes back to the system.
    func begin(_ name: String) {
        endStep()
        MemoryReport.trim()
        step += 1
        print("[\(step)/\(total)] \(name)")
    }

    /// With `SHELF_TIMINGS=1`, prints how long the step that just ended took, in wall time and
    /// in the CPU time of all the process's threads; with `SHELF_BUILD_MEMORY=1`, what it held
    /// (``MemoryReport/line()``).
    func endStep() {
        let now = DispatchTime.now()
        let cpu = Progress.cpuSeconds()
        if timings, step > 0 {
            let wall = Double(now.uptimeNanoseconds - stepStarted.uptimeNanoseconds) / 1e9
            write(String(format: "      %.3f s, %.3f s CPU\n", wall, cpu - stepStartedCPU))
        }
        if MemoryReport.enabled, step > 0 { write(MemoryReport.line()) }
        stepStarted = now
        stepStartedCPU = cpu
    }

    /// With `SHELF_TIMINGS=1`, prints how long work beside the steps took, from `started` to now.
    func timing(_ label: String, since started: DispatchTime) {
        guard timings else { return }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        write(String(format: "      (%@: %.3f s)\n", label, wall))
    }

    /// User and system CPU time the process has used so far, all threads together.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Updates the current step's count; drawn at most every 50 ms and only on a terminal.
    func advance(_ name: String, done: Int, of count: Int) {
        guard isTerminal, !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now()
        guard done == count || now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 50_000_000 else { return }
        lastDraw = now
        write("\r[\(step)/\(total)] \(name) \(done)/\(count)" + (done == count ? "\n" : ""))
    }

    func print(_ line: String) {
        guard !quiet else { return }
        write(line + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
