import ShelfConfig
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfSite

@Suite struct CampaignFrontMatterTests {
    let reader = DocumentReader(kind: .campaign, currency: Currency.euro)

    private func campaign(_ yaml: String) throws(SiteError) -> Document {
        try reader.read("---\ntitle: Sale\n\(yaml)\n---\nBody.\n", file: "content/campaigns/sale.md", defaultHandle: "sale").document
    }

    /// The problem with `yaml`, whose lines start at file line 3.
    private func problem(_ yaml: String) -> SiteError? {
        do {
            _ = try campaign(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func momentsWithOffsetsAreExact() throws {
        let document = try campaign("starts: 2026-12-01T09:00:00+01:00\nends: 2026-12-24T18:00:00Z")
        #expect(document.window == CampaignWindow(starts: 1_796_112_000, ends: 1_798_135_200))
        #expect(document.starts == "2026-12-01" && document.ends == "2026-12-24")
    }

    @Test func daysRunFromMidnightThroughTheWholeLastDayInTheTimeZone() throws {
        let utc = try campaign("starts: 2026-12-01\nends: 2026-12-24")
        #expect(utc.window == CampaignWindow(starts: 1_796_083_200, ends: 1_798_156_800))
        // New York is five hours behind UTC in December.
        let newYork = try campaign("starts: 2026-12-01\nends: 2026-12-24T12:00\ntime_zone: America/New_York")
        #expect(newYork.window == CampaignWindow(starts: 1_796_083_200 + 5 * 3600, ends: 1_798_070_400 + 17 * 3600))
    }

    @Test func discountRulesReadEveryKey() throws {
        let document = try campaign(
            """
            discount:
              - percent: 12.5
                categories: [knitwear]
                minimum: "50"
                combines: true
              - amount: "5.00"
                code: warm5
                limit: 100
                limit_per_customer: 1
                free_shipping: yes
            """)
        let rules = document.discounts.map(\.rule)
        #expect(rules.map(\.off) == [.percent(Rate(basisPoints: 1250)), .amount(.euros(500))])
        #expect(rules.map(\.position) == [1, 2])
        #expect(rules[0].minimumSubtotal == .euros(5000) && rules[0].combines && rules[0].isAutomatic)
        #expect(rules[1].code == "WARM5" && rules[1].limit == 100 && rules[1].limitPerCustomer == 1 && rules[1].freeShipping)
        #expect(document.discounts[0].categories == ["knitwear"] && document.discounts[0].line == 4)
    }

    @Test func badWindowsNameTheirLine() {
        let notADate = problem("starts: next monday")
        #expect(notADate?.line == 3 && notADate?.message.contains("starts \"next monday\" is not a date or time") == true)
        let backwards = problem("starts: 2026-12-24\nends: 2026-12-01")
        #expect(backwards?.line == 4 && backwards?.message.contains("ends must come after starts") == true)
        let sameMoment = problem("starts: 2026-12-24T10:00Z\nends: 2026-12-24T11:00+01:00")
        #expect(sameMoment?.message.contains("ends must come after starts") == true)
        let zone = problem("time_zone: Mars/Olympus")
        #expect(zone?.line == 3 && zone?.message.contains("not a time zone name") == true)
        #expect(problem("starts: 2026-02-30")?.line == 3)
    }

    @Test func badDiscountsNameTheirLine() {
        let typo = problem("discount:\n  percnt: 20")
        #expect(typo?.line == 4 && typo?.message.contains("unknown key \"percnt\" in a discount") == true)
        #expect(problem("discount:\n  percent: 120")?.message.contains("at most 100") == true)
        #expect(problem("discount:\n  percent: 0")?.line == 4)
        #expect(problem("discount:\n  amount: \"5.001\"")?.message.contains("is not an amount in EUR") == true)
        #expect(problem("discount:\n  percent: 10\n  amount: 5")?.message.contains("either percent or amount") == true)
        #expect(problem("discount:\n  code: FREE")?.message.contains("needs percent, amount or free_shipping") == true)
        #expect(problem("discount:\n  percent: 10\n  code: two words")?.line == 5)
        #expect(problem("discount:\n  percent: 10\n  limit: -1")?.message.contains("whole number of orders") == true)
        #expect(problem("discount:\n  percent: 10\n  combines: maybe")?.message.contains("true or false") == true)
        #expect(problem("discounts:\n  percent: 10")?.message.contains("unknown key \"discounts\"") == true)
    }

    @Test func namesInScopesMustExist() throws {
        let store = try FixtureStore()
        try store.write(
            "content/campaigns/winter-layers.md",
            "---\ntitle: Winter\ndiscount:\n  percent: 10\n  categories: [no-such-category]\n  products: [merino-crew, nope]\n---\nBody\n")
        #expect(throws: BuildFailure.self) { try store.build() }
        do {
            _ = try store.build()
        } catch let failure as BuildFailure {
            let text = failure.description
            #expect(text.contains("content/campaigns/winter-layers.md:4"))
            #expect(text.contains("discount category \"no-such-category\" has no products"))
            #expect(text.contains("discount product \"nope\" does not exist"))
        }
    }
}
