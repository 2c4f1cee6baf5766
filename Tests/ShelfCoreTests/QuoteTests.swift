import ShelfCore
import ShelfTesting
import Testing

@Suite struct QuoteTests {
    let standard = ShippingMethod(
        id: "standard", name: "Standard", countries: .only(["IE"]), rate: .euros(495), freeFrom: .euros(7500), delivery: "2–3 days")
    let vat = TaxRule(countries: .only(["IE"]), rate: Rate(basisPoints: 2300), name: "VAT")

    func line(_ cents: Int64, _ quantity: Int = 1) -> Quote.Line { Quote.Line(unitPrice: .euros(cents), quantity: quantity) }

    @Test func ratesReadPercentagesAndRoundHalfUp() throws {
        #expect(Rate(percent: "23")?.basisPoints == 2300)
        #expect(Rate(percent: "13.5")?.basisPoints == 1350)
        #expect(Rate(percent: "9.25")?.basisPoints == 925)
        for bad in ["", "abc", "-5", "101", "1.234", "1.", ".5", "1e2", " 5"] { #expect(Rate(percent: bad) == nil, "\(bad)") }
        #expect(Rate(basisPoints: 2300).of(.euros(1001)) == .euros(230))  // 230.23 → 230
        #expect(Rate(basisPoints: 1000).of(.euros(5)) == .euros(1))  // 0.5 → 1
        #expect(Rate(basisPoints: 2300).includedIn(.euros(12300)) == .euros(2300))
        #expect(Rate(basisPoints: 1350).description == "13.5%")
        #expect(Rate(basisPoints: 925).description == "9.25%")
        #expect(Rate(basisPoints: 905).description == "9.05%")
    }

    @Test func inclusivePricesShowTheTaxTheyHold() {
        let quote = Quote(lines: [line(2900, 2)], shipping: standard, tax: vat, mode: .inclusive, code: nil)
        #expect(quote.subtotal == .euros(5800))
        #expect(quote.shipping == .euros(495))
        #expect(quote.total == .euros(6295))
        #expect(quote.tax == .euros(1177))  // 6295 × 23 / 123 = 1177.1
    }

    @Test func exclusivePricesAddTheTax() {
        let quote = Quote(lines: [line(1000, 3)], shipping: standard, tax: vat, mode: .exclusive, code: nil)
        #expect(quote.tax == .euros(804))  // (3000 + 495) × 23% = 803.85
        #expect(quote.total == .euros(4299))
    }

    @Test func shippingIsFreeFromItsThresholdAfterTheDiscount() throws {
        let tenOff = DiscountCode(code: "ten", kind: .amount(.euros(1000)))
        #expect(Quote(lines: [line(8000)], shipping: standard, tax: nil, mode: .inclusive, code: nil).shipping == .euros(0))
        let discounted = Quote(lines: [line(8000)], shipping: standard, tax: nil, mode: .inclusive, code: tenOff)
        #expect(discounted.discount == .euros(1000))
        #expect(discounted.shipping == .euros(495))  // €70 after the code is under €75
        #expect(discounted.total == .euros(7495))
    }

    @Test func codesAreCheckedWithAReason() throws {
        let codes = [
            DiscountCode(code: "welcome10", kind: .percent(Rate(basisPoints: 1000)), minimumSubtotal: .euros(5000)),
            DiscountCode(code: "SUMMER", kind: .amount(.euros(500)), endsOn: "2026-08-31"),
        ]
        let found = try DiscountCode.find(" Welcome10 ", in: codes, subtotal: .euros(5000), today: "2026-11-25")
        #expect(found.discount(on: .euros(5005)) == .euros(501))
        #expect(throws: DiscountError.unknown("NOPE")) {
            try DiscountCode.find("nope", in: codes, subtotal: .euros(9000), today: "2026-11-25")
        }
        #expect(throws: DiscountError.belowMinimum("WELCOME10", minimum: .euros(5000))) {
            try DiscountCode.find("WELCOME10", in: codes, subtotal: .euros(4999), today: "2026-11-25")
        }
        #expect(throws: DiscountError.expired("SUMMER", endedOn: "2026-08-31")) {
            try DiscountCode.find("summer", in: codes, subtotal: .euros(9000), today: "2026-09-01")
        }
        #expect(try DiscountCode.find("summer", in: codes, subtotal: .euros(9000), today: "2026-08-31").code == "SUMMER")
    }

    @Test func anAmountCodeNeverTakesMoreThanTheSubtotal() {
        let big = DiscountCode(code: "BIG", kind: .amount(.euros(10_000)))
        let quote = Quote(lines: [line(1500)], shipping: nil, tax: vat, mode: .inclusive, code: big)
        #expect(quote.discount == .euros(1500))
        #expect(quote.total == .euros(0))
        #expect(quote.tax == .euros(0))
    }

    @Test func shippingAndTaxFollowTheCountry() {
        let world = ShippingMethod(id: "world", name: "International", countries: .rest, rate: .euros(1500), delivery: "7 days")
        let methods = [standard, world]
        #expect(ShippingMethod.available(methods, to: "IE").map(\.id) == ["standard"])
        #expect(ShippingMethod.available(methods, to: "US").map(\.id) == ["world"])
        let rules = [TaxRule(countries: .rest, rate: Rate(basisPoints: 0)), vat]
        #expect(rules.entry(for: "IE") { $0.countries }?.rate.basisPoints == 2300)
        #expect(rules.entry(for: "US") { $0.countries }?.rate.basisPoints == 0)
    }

    /// Random carts, codes, methods and modes keep the invariants a payment relies on.
    @Test func randomOrdersKeepTheInvariants() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                line(Int64.random(in: 0...100_000, using: &generator), Int.random(in: 1...10, using: &generator))
            }
            let code: DiscountCode? =
                switch Int.random(in: 0...2, using: &generator) {
                case 0: nil
                case 1: DiscountCode(code: "P", kind: .percent(Rate(basisPoints: Int.random(in: 0...10_000, using: &generator))))
                default: DiscountCode(code: "A", kind: .amount(.euros(Int64.random(in: 0...200_000, using: &generator))))
                }
            let rule = TaxRule(countries: .rest, rate: Rate(basisPoints: Int.random(in: 0...3000, using: &generator)))
            let mode: TaxMode = Bool.random(using: &generator) ? .inclusive : .exclusive
            let quote = Quote(lines: lines, shipping: standard, tax: rule, mode: mode, code: code)
            #expect(quote.discount >= .euros(0) && quote.discount <= quote.subtotal)
            #expect(quote.tax >= .euros(0))
            let taxable = quote.subtotal - quote.discount + quote.shipping
            switch mode {
            case .inclusive:
                #expect(quote.total == taxable && quote.tax <= quote.total)
            case .exclusive:
                #expect(quote.total == taxable + quote.tax)
            }
        }
    }
}

@Suite struct CalendarDayTests {
    @Test func writesUTCDays() {
        #expect(CalendarDay.of(0) == "1970-01-01")
        #expect(CalendarDay.of(1_795_618_912) == "2026-11-25")
        #expect(CalendarDay.of(951_782_400) == "2000-02-29")
        #expect(CalendarDay.of(-1) == "1969-12-31")
    }
}
