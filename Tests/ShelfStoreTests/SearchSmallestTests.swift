import Testing

@testable import ShelfStore

/// The bounded-heap selection a search takes its page from, instead of sorting every match.
struct SearchSmallestTests {
    /// Products with ranks full of ties, broken by the product's place, as a search orders them.
    static let matched: [(product: Int, rank: Int64)] = (0..<500).map { ($0, Int64(($0 * 7919) % 37)) }

    static func inOrder(_ a: (product: Int, rank: Int64), _ b: (product: Int, rank: Int64)) -> Bool {
        (a.rank, a.product) < (b.rank, b.product)
    }

    @Test(arguments: [0, 1, 24, 72, 249, 250, 499, 500, 600])
    func theSmallestAreTheFirstOfAFullSort(count: Int) {
        let expected = Self.matched.sorted(by: Self.inOrder).prefix(count).map(\.product)
        #expect(Self.matched.smallest(count, by: Self.inOrder).map(\.product) == Array(expected))
        let reversed = Array(Self.matched.reversed())
        #expect(reversed.smallest(count, by: Self.inOrder).map(\.product) == Array(expected))
    }

    @Test func anEmptyArrayHasNoSmallest() {
        #expect([Int]().smallest(24, by: <).isEmpty)
    }
}
