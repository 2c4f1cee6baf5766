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
    private let timings = Foundation.ProcessInfo.processInfo.environment["SHELF_TIMINGS"] == "1"

    /// Starts a step: the one before ends, and what it freed goes back to the system.
    func begin(_ name: String) {
        endStep()
        MemoryReport.trim()
        step += 1
        print("[\(step)/\(total)] \(name)")
    }

    /// With `SHELF_TIMINGS=1`, prints how long the step that just ended took; with
    /// `SHELF_BUILD_MEMORY=1`, what it held (``MemoryReport/line()``).
    func endStep() {
        let now = DispatchTime.now()
        if timings, step > 0 {
            write(String(format: "      %.3f s\n", Double(now.uptimeNanoseconds - stepStarted.uptimeNanoseconds) / 1e9))
        }
        if MemoryReport.enabled, step > 0 { write(MemoryReport.line()) }
        stepStarted = now
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
