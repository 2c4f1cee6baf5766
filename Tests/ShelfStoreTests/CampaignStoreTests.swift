import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Campaign rules synced into the store and used by orders, on the engine under test.
struct CampaignStoreTests {
    let euro = Currency.euro

    func campaign(_ rules: [DiscountRule], handle: String = "winter", starts: Int64? = 100, ends: Int64? = 200) -> CampaignRecord {
        let window = CampaignWindow(starts: starts, ends: ends)
        return CampaignRecord(
            handle: handle, title: "Winter Layers", window: window,
            rules: rules.enumerated().map { index, rule in
                var rule = rule
                rule.campaign = handle
                rule.position = index + 1
                rule.window = window
                return rule
            })
    }

    /// A draft for one tee that used `stored`, priced as the checkout does, for `email`.
    func draft(using stored: StoredDiscount, email: String = "ada@example.com") -> OrderDraft {
        let outcome = DiscountOutcome(
            rules: [stored.rule], lines: [DiscountLine(productHandle: "tee", unitPrice: .euros(2500), quantity: 1)])
        let quote = Quote(
            lines: [Quote.Line(unitPrice: .euros(2500), quantity: 1)], shipping: nil, tax: nil, mode: .inclusive, discounts: outcome)
        var draft = OrderDraft.sample([("TEE-M", 1)])
        draft.amounts = OrderAmounts(quote, discountCode: stored.rule.code)
        draft.address.email = email
        draft.discounts = [UsedDiscount(ruleID: stored.id, campaign: stored.rule.campaign, code: stored.rule.code, amount: outcome.total)]
        return draft
    }

    @Test func automaticRulesRunOnlyInsideTheirWindow() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let rule = DiscountRule(campaign: "", off: .percent(Rate(basisPoints: 2000)), scope: .products(["tee"]))
            try store.syncCampaigns([campaign([rule])], currency: euro)
            #expect(try store.runningDiscounts(at: 99, code: nil, currency: euro).isEmpty)
            let running = try store.runningDiscounts(at: 100, code: nil, currency: euro)
            #expect(running.map(\.rule.scope) == [.products(["tee"])])
            #expect(running.map(\.title) == ["Winter Layers"])
            #expect(try store.runningDiscounts(at: 199, code: nil, currency: euro).count == 1)
            #expect(try store.runningDiscounts(at: 200, code: nil, currency: euro).isEmpty)
        }
    }

    @Test func codeRulesRunOnlyForTheirCode() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let rule = DiscountRule(campaign: "", off: .amount(.euros(500)), code: "warm5", limit: 3)
            try store.syncCampaigns([campaign([rule])], currency: euro)
            #expect(try store.runningDiscounts(at: 150, code: nil, currency: euro).isEmpty)
            #expect(try store.runningDiscounts(at: 150, code: "WARM5", currency: euro).map(\.rule.off) == [.amount(.euros(500))])
            let found = try #require(try store.discount(code: "WARM5", currency: euro))
            #expect(found.rule.limit == 3 && found.rule.window == CampaignWindow(starts: 100, ends: 200))
        }
    }

    @Test func aResyncKeepsRuleIdsAndRetiresWhatIsGone() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let rule = DiscountRule(campaign: "", off: .amount(.euros(500)), code: "WARM5")
            try store.syncCampaigns([campaign([rule])], currency: euro)
            let first = try #require(try store.discount(code: "WARM5", currency: euro))
            var changed = rule
            changed.off = .amount(.euros(700))
            try store.syncCampaigns([campaign([changed])], currency: euro)
            let second = try #require(try store.discount(code: "WARM5", currency: euro))
            #expect(second.id == first.id && second.rule.off == .amount(.euros(700)))
            try store.syncCampaigns([], currency: euro)
            #expect(try store.discount(code: "WARM5", currency: euro) == nil)
            #expect(try store.campaignReports(currency: euro).map(\.isActive) == [false])
        }
    }

    @Test func anOrderRecordsItsDiscountAndCountsAsAUse() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            try store.syncCampaigns(
                [campaign([DiscountRule(campaign: "", off: .percent(Rate(basisPoints: 1000)), code: "TEN", limit: 2)])], currency: euro)
            let stored = try #require(try store.discount(code: "TEN", currency: euro))
            let order = try store.placeOrder(draft(using: stored), now: 150, holdFor: halfAnHour)
            #expect(try store.uses(ofDiscount: stored.id) == 1)
            #expect(try store.discounts(ofOrder: order.id, currency: euro).map(\.amount) == [.euros(250)])
            #expect(try store.details(order).discountLabel == "TEN")
            _ = try store.pay(order, now: 160)
            let report = try #require(try store.campaignReports(currency: euro).first)
            #expect(report.orders == 1 && report.revenue == .euros(2250) && report.discountGiven == .euros(250))
        }
    }

    @Test func aDiscountThatEndedIsRefusedWhenTheOrderIsPlaced() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            try store.syncCampaigns([campaign([DiscountRule(campaign: "", off: .percent(Rate(basisPoints: 1000)))])], currency: euro)
            let stored = try #require(try store.runningDiscounts(at: 150, code: nil, currency: euro).first)
            #expect(throws: OrderError.discountUnavailable("winter")) {
                try store.placeOrder(draft(using: stored), now: 200, holdFor: halfAnHour)
            }
            #expect(try store.orders().isEmpty)
            #expect(try store.stockRow("TEE-M").reserved == 0)
        }
    }

    @Test func theCustomerLimitCountsOrdersOfTheSameEmail() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            try store.syncCampaigns(
                [campaign([DiscountRule(campaign: "", off: .amount(.euros(100)), code: "ONCE", limitPerCustomer: 1)])], currency: euro)
            let stored = try #require(try store.discount(code: "ONCE", currency: euro))
            _ = try store.placeOrder(draft(using: stored, email: "ada@example.com"), now: 150, holdFor: halfAnHour)
            #expect(throws: OrderError.discountUnavailable("ONCE")) {
                try store.placeOrder(draft(using: stored, email: "ADA@example.com"), now: 151, holdFor: halfAnHour)
            }
            _ = try store.placeOrder(draft(using: stored, email: "bob@example.com"), now: 152, holdFor: halfAnHour)
            #expect(try store.uses(ofDiscount: stored.id) == 2)
        }
    }

    @Test func aCancelledOrderGivesItsUseBack() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            try store.syncCampaigns(
                [campaign([DiscountRule(campaign: "", off: .amount(.euros(100)), code: "LAST", limit: 1)])], currency: euro)
            let stored = try #require(try store.discount(code: "LAST", currency: euro))
            let order = try store.placeOrder(draft(using: stored), now: 150, holdFor: 10)
            #expect(throws: OrderError.discountUnavailable("LAST")) {
                try store.placeOrder(draft(using: stored, email: "bob@example.com"), now: 151, holdFor: 10)
            }
            _ = try store.expireOrders(now: 161)
            #expect(try store.details(order).order.status == .expired)
            _ = try store.placeOrder(draft(using: stored, email: "bob@example.com"), now: 162, holdFor: 10)
        }
    }

    @Test func twoShoppersRacingForTheLastUseOfACodeOneWins() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 50])
            try store.syncCampaigns(
                [campaign([DiscountRule(campaign: "", off: .amount(.euros(500)), code: "LAST5", limit: 3)])], currency: euro)
            let stored = try #require(try store.discount(code: "LAST5", currency: euro))
            _ = try store.placeOrder(draft(using: stored, email: "first@example.com"), now: 150, holdFor: halfAnHour)
            _ = try store.placeOrder(draft(using: stored, email: "second@example.com"), now: 150, holdFor: halfAnHour)
            let connections = try (0..<8).map { _ in try directory.openStore() }
            let drafts = (0..<8).map { draft(using: stored, email: "racer\($0)@example.com") }
            let results = try runConcurrently(threads: 8) { thread -> String in
                do {
                    _ = try connections[thread].placeOrder(drafts[thread], now: 160, holdFor: halfAnHour)
                    return "placed"
                } catch OrderError.discountUnavailable("LAST5") {
                    return "used up"
                }
            }
            #expect(results.filter { $0 == "placed" }.count == 1)
            #expect(results.filter { $0 == "used up" }.count == 7)
            #expect(try store.uses(ofDiscount: stored.id) == 3)
            #expect(try store.orders().count == 3)
            #expect(try store.stockRow("TEE-M").reserved == 3)
        }
    }

    @Test func aSaleThePagesStillShowRunsPastItsEndUntilABuildTakesItOff() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let sale = DiscountRule(campaign: "", off: .percent(Rate(basisPoints: 1000)))
            let amount = DiscountRule(campaign: "", off: .amount(.euros(100)), combines: true)
            try store.syncCampaigns([campaign([sale, amount])], currency: euro, showing: ["winter"])
            let stored = try #require(try store.runningDiscounts(at: 150, code: nil, currency: euro).first)
            // Past the end: the amount off stops, the sale price the pages show does not.
            #expect(try store.runningDiscounts(at: 200, code: nil, currency: euro).map(\.rule.off) == [sale.off])
            _ = try store.placeOrder(draft(using: stored), now: 200, holdFor: halfAnHour)
            try store.markShown([])
            #expect(try store.runningDiscounts(at: 200, code: nil, currency: euro).isEmpty)
            #expect(throws: OrderError.discountUnavailable("winter")) {
                try store.placeOrder(draft(using: stored, email: "bob@example.com"), now: 201, holdFor: halfAnHour)
            }
        }
    }
}
