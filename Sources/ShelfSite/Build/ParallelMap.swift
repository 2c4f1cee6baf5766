import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores; the result keeps the input order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                // Chunks keep the scheduling cost small next to the work of one element.
                let chunk = Swift.max(1, input.count / (Cores.active * 8))
                let chunks = (input.count + chunk - 1) / chunk
                DispatchQueue.concurrentPerform(iterations: chunks) { index in
                    let start = index * chunk
                    for position in start..<Swift.min(start + chunk, input.count) {
                        (output.baseAddress! + position).initialize(to: transform(input[position]))
                    }
                }
            }
            initialized = count
        }
    }
}

/// Runs two pieces of work at once, the second on another thread, and returns both results.
func inParallel<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var secondResult: B?
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        secondResult = second()
        done.signal()
    }
    let firstResult = first()
    done.wait()
    return (firstResult, secondResult!)
}

/// Work running on a thread of its own while the caller goes on.
///
/// ```swift
/// let sync = BackgroundWork { syncTheCatalogue() }
/// renderPages()
/// let synced = sync.value()   // waits for the sync
/// ```
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Waits for the work to finish and returns what it gave; may be asked more than once.
    func value() -> Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}

enum Cores {
    /// The cores the build may use.
    static let active = Swift.max(1, Foundation.ProcessInfo.processInfo.activeProcessorCount)
}
