import ShelfCore
import ShelfTesting
import Testing

@Suite struct DiscountOutcomeTests {
    func line(_ product: String, _ cents: Int64, _ quantity: Int = 1) -> DiscountLine {
        DiscountLine(productHandle: product, unitPrice: .euros(cents), quantity: quantity)
    }

    func percent(_ points: Int) -> DiscountRule.Off { .percent(Rate(basisPoints: points)) }

    @Test func percentRoundsHalfUpOnEachLine() {
        // 15% of 3.33 is 0.4995 → 0.50, of 0.10 is 0.015 → 0.02: 0.52, where 15% of the 3.43
        // subtotal would round to 0.51.
        let rule = DiscountRule(campaign: "sale", off: percent(1500))
        let outcome = DiscountOutcome(rules: [rule], lines: [line("a", 333), line("b", 10)])
        #expect(outcome.total == .euros(52))
        #expect(outcome.applied.map(\.amount) == [.euros(52)])
    }

    @Test func scopeLimitsTheDiscountToItsProducts() {
        let rule = DiscountRule(campaign: "knits", off: percent(2000), scope: .products(["crew"]))
        let outcome = DiscountOutcome(rules: [rule], lines: [line("crew", 5000, 2), line("tee", 3000)])
        #expect(outcome.total == .euros(2000))
        #expect(DiscountOutcome(rules: [rule], lines: [line("tee", 3000)]).applied.isEmpty)
    }

    @Test func amountOffNeverExceedsWhatTheCoveredLinesCost() {
        let rule = DiscountRule(campaign: "ten", off: .amount(.euros(1000)), scope: .products(["socks"]))
        let outcome = DiscountOutcome(rules: [rule], lines: [line("socks", 300, 2), line("coat", 20000)])
        #expect(outcome.total == .euros(600))
    }

    @Test func amountOffInYenHasNoMinorUnitsToRound() throws {
        let yen = try Currency(code: "JPY")
        let rule = DiscountRule(campaign: "yen", off: .percent(Rate(basisPoints: 1000)))
        let outcome = DiscountOutcome(
            rules: [rule], lines: [DiscountLine(productHandle: "a", unitPrice: Money(minorUnits: 1995, currency: yen), quantity: 1)])
        #expect(outcome.total == Money(minorUnits: 200, currency: yen))  // 199.5 yen rounds up to 200
    }

    @Test func bestSingleDiscountWinsAndTheOthersAreDropped() {
        let tenPercent = DiscountRule(campaign: "a", off: percent(1000))
        let fiveOff = DiscountRule(campaign: "b", off: .amount(.euros(500)))
        let outcome = DiscountOutcome(rules: [tenPercent, fiveOff], lines: [line("x", 8000)])
        #expect(outcome.applied.map(\.rule) == [tenPercent])
        #expect(outcome.total == .euros(800))
        let small = DiscountOutcome(rules: [tenPercent, fiveOff], lines: [line("x", 3000)])
        #expect(small.applied.map(\.rule) == [fiveOff])
    }

    @Test func combiningRulesApplyAfterTheWinnerOnWhatIsLeft() {
        let tenPercent = DiscountRule(campaign: "a", off: percent(1000))
        let fiveOff = DiscountRule(campaign: "b", off: .amount(.euros(500)), combines: true)
        let twentyPercent = DiscountRule(campaign: "c", off: percent(2000), combines: true)
        let outcome = DiscountOutcome(rules: [fiveOff, twentyPercent, tenPercent], lines: [line("x", 10000)])
        // 10% of 100 = 10, then 20% of 90 = 18, then 5 off 72: 33 in all.
        #expect(outcome.applied.map(\.rule) == [tenPercent, twentyPercent, fiveOff])
        #expect(outcome.applied.map(\.amount) == [.euros(1000), .euros(1800), .euros(500)])
        #expect(outcome.total == .euros(3300))
    }

    @Test func stackedDiscountsStopAtTheSubtotal() {
        let rules = [
            DiscountRule(campaign: "a", off: .amount(.euros(800))),
            DiscountRule(campaign: "b", off: .amount(.euros(800)), combines: true),
        ]
        #expect(DiscountOutcome(rules: rules, lines: [line("x", 1000)]).total == .euros(1000))
    }

    @Test func minimumSubtotalCountsTheWholeCartBeforeDiscounts() {
        let rule = DiscountRule(campaign: "big", off: percent(1000), minimumSubtotal: .euros(5000))
        #expect(DiscountOutcome(rules: [rule], lines: [line("x", 4999)]).applied.isEmpty)
        #expect(DiscountOutcome(rules: [rule], lines: [line("x", 2500, 2)]).total == .euros(500))
    }

    @Test func freeShippingRidesOnTheRuleThatGivesIt() {
        let ship = DiscountRule(campaign: "ship", off: .nothing, freeShipping: true, combines: true)
        let outcome = DiscountOutcome(rules: [ship], lines: [line("x", 1000)])
        #expect(outcome.freeShipping)
        #expect(outcome.total == .euros(0))
        let quote = Quote(
            lines: [Quote.Line(unitPrice: .euros(1000), quantity: 1)],
            shipping: ShippingMethod(id: "s", name: "S", countries: .only(["IE"]), rate: .euros(495), freeFrom: nil, delivery: "2 days"),
            tax: nil, mode: .inclusive, discounts: outcome)
        #expect(quote.shipping == .euros(0))
        #expect(quote.total == .euros(1000))
    }

    @Test func amountOffIsSharedOverLinesWithoutLosingACent() {
        let rule = DiscountRule(campaign: "x", off: .amount(.euros(1000)), combines: true)
        let first = DiscountRule(campaign: "a", off: percent(5000))
        let outcome = DiscountOutcome(rules: [rule, first], lines: [line("a", 333), line("b", 333), line("c", 334)])
        // 50% first (167 + 167 + 167 = 501), then 10 off the remaining 499 takes all of it.
        #expect(outcome.applied.map(\.amount) == [.euros(501), .euros(499)])
        #expect(outcome.total == .euros(1000))
    }
}

extension DiscountOutcomeTests {
    @Test func aPercentOnAnUntouchedLineIsTheUnitsDiscountTimesTheQuantity() {
        // 15% of €0.10 is 1.5 cents → 2; two of them take 4 cents, so each costs the €0.08 a
        // product page shows, where 15% of the €0.20 line would take only 3.
        let rule = DiscountRule(campaign: "sale", off: percent(1500))
        #expect(DiscountOutcome(rules: [rule], lines: [line("a", 10, 2)]).total == .euros(4))
    }
}
