/// What a product's approved reviews add up to: how many gave each number of stars, and how
/// the buyers who said so found the fit.
///
/// ```swift
/// let summary = ReviewSummary(stars: [0, 0, 1, 3, 6])
/// summary.count          // 10
/// summary.averageTenths  // 45, shown as "4.5"
/// ```
public struct ReviewSummary: Hashable, Sendable {
    /// How many reviews gave 1, 2, 3, 4 and 5 stars, in that order.
    public var stars: [Int]
    /// How many buyers said the item runs small, is true to size, runs large.
    public var runsSmall: Int
    public var trueToSize: Int
    public var runsLarge: Int

    public init(stars: [Int] = [0, 0, 0, 0, 0], runsSmall: Int = 0, trueToSize: Int = 0, runsLarge: Int = 0) {
        self.stars = stars
        self.runsSmall = runsSmall
        self.trueToSize = trueToSize
        self.runsLarge = runsLarge
    }

    /// The number of reviews.
    public var count: Int { stars.reduce(0, +) }

    /// The average rating in tenths of a star, rounded half up (4.55 is 46); 0 without reviews.
    /// Whole numbers, so two builds never disagree on the last digit.
    public var averageTenths: Int {
        guard count > 0 else { return 0 }
        let total = stars.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return (total * 20 + count) / (count * 2)
    }

    /// True when any buyer said how the item fits.
    public var hasFitFeedback: Bool { runsSmall + trueToSize + runsLarge > 0 }
}
