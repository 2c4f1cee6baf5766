import Foundation

/// Runs `body` on `threads` new threads at the same time and returns their results in thread
/// order, or throws the first error one of them threw.
///
/// Real threads rather than tasks, so that blocking work (a database waiting for its lock)
/// truly overlaps even where the task pool is a single thread.
public func runConcurrently<T: Sendable>(threads: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
    let results = Results<T>(count: threads)
    let start = DispatchSemaphore(value: 0)
    let finished = DispatchGroup()
    for index in 0..<threads {
        finished.enter()
        Thread {
            start.wait()
            results.set(index, Result { try body(index) })
            finished.leave()
        }.start()
    }
    // Release the threads together, once all exist, so their work overlaps from the first step.
    for _ in 0..<threads { start.signal() }
    finished.wait()
    return try results.values()
}

/// The threads' results, written by each thread under a lock.
private final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.withLock { slots[index] = result }
    }

    func values() throws -> [T] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
