/// The shop's funnel: how many visitors got how far on the way from a visit to a payment, and
/// the share of each step that went on to the next.
///
/// A visitor counts at a step only when they also reached every step before it, so the counts
/// never grow down the funnel (a paid order with no page view of that visitor, say from a
/// browser that blocks the beacon, counts nowhere).
///
/// ```swift
/// let funnel = Funnel(reached: [[true, true, false, false, false], [true, false, true, false, false]])
/// funnel.counts   // [2, 1, 0, 0, 0]
/// ```
public struct Funnel: Sendable, Hashable {
    /// The steps, in order.
    public static let steps = ["visit", "product", "cart", "checkout", "paid"]
    /// Visitors who reached each of ``steps`` and every one before it.
    public var counts: [Int]

    public init(counts: [Int]) {
        self.counts = counts
    }

    /// The funnel of visitors, each given as whether they reached each of ``steps``.
    public init(reached visitors: [[Bool]]) {
        var counts = [Int](repeating: 0, count: Self.steps.count)
        for reached in visitors {
            for (step, didReach) in reached.prefix(counts.count).enumerated() {
                guard didReach else { break }
                counts[step] += 1
            }
        }
        self.counts = counts
    }

    /// Two funnels of separate days as one: the counts added step by step.
    public static func + (left: Funnel, right: Funnel) -> Funnel {
        Funnel(counts: zip(left.counts, right.counts).map(+))
    }

    /// The share of the visitors at each step who reached it from the step before, in per mille
    /// (so that it stays an integer): nil for the first step and after a step no one reached.
    public var conversions: [Int?] {
        counts.indices.map { step in
            guard step > 0, counts[step - 1] > 0 else { return nil }
            return counts[step] * 1000 / counts[step - 1]
        }
    }
}
