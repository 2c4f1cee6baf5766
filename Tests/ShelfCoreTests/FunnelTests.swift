import ShelfCore
import Testing

/// The funnel's counts and conversions.
struct FunnelTests {
    @Test func aVisitorCountsOnlyAtStepsWhoseEveryEarlierStepTheyReached() {
        let funnel = Funnel(reached: [
            [true, true, true, true, true],
            [true, true, true, false, false],
            [true, false, true, true, true],  // added to cart from a listing: stops at "visit"
            [false, false, false, false, true],  // paid with no page view: counts nowhere
            [true, true, false, false, false],
        ])
        #expect(funnel.counts == [4, 3, 2, 1, 1])
    }

    @Test func conversionsArePerMilleOfThePreviousStep() {
        let funnel = Funnel(counts: [400, 100, 30, 0, 0])
        #expect(funnel.conversions == [nil, 250, 300, 0, nil])
    }

    @Test func daysAddUpStepByStep() {
        #expect(Funnel(counts: [3, 2, 1, 1, 0]) + Funnel(counts: [5, 1, 1, 0, 0]) == Funnel(counts: [8, 3, 2, 1, 0]))
    }

    @Test func noVisitorsIsAnEmptyFunnel() {
        #expect(Funnel(reached: []).counts == [0, 0, 0, 0, 0])
        #expect(Funnel(reached: []).conversions == [nil, nil, nil, nil, nil])
    }
}
