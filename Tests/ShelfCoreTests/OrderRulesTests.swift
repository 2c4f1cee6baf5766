import ShelfCore
import ShelfTesting
import Testing

@Suite struct OrderRulesTests {
    @Test func ordersAwaitingPaymentCanBePaidCancelledOrExpired() {
        for status in [OrderStatus.pendingPayment, .awaitingPayment] {
            #expect(status.isAwaitingPayment)
            #expect(OrderStatus.allCases.filter(status.canChange) == [.paid, .cancelled, .expired])
        }
    }

    @Test func paidOrdersCanOnlyBeCancelledAndEndedOrdersOnlyPaidLate() {
        #expect(OrderStatus.allCases.filter(OrderStatus.paid.canChange) == [.cancelled])
        #expect(OrderStatus.allCases.filter(OrderStatus.expired.canChange) == [.paid])
        #expect(OrderStatus.allCases.filter(OrderStatus.cancelled.canChange).isEmpty)
        #expect(!OrderStatus.paid.isAwaitingPayment)
    }

    @Test func statusesAreStoredByTheirSchemaNames() {
        #expect(OrderStatus.allCases.map(\.rawValue) == ["pending_payment", "awaiting_payment", "paid", "cancelled", "expired"])
        #expect(PaymentStatus.partiallyRefunded.rawValue == "partially_refunded")
    }

    @Test func paymentAmountsKeepRefundedWithinCapturedWithinAuthorized() {
        #expect(PaymentAmounts(authorized: 100, captured: 100, refunded: 0) != nil)
        #expect(PaymentAmounts(authorized: 100, captured: 60, refunded: 60) != nil)
        #expect(PaymentAmounts(authorized: 100, captured: 101, refunded: 0) == nil)
        #expect(PaymentAmounts(authorized: 100, captured: 50, refunded: 51) == nil)
        #expect(PaymentAmounts(authorized: 100, captured: 50, refunded: -1) == nil)
    }

    @Test func refundsAreCappedByWhatWasCaptured() throws {
        let taken = PaymentAmounts(captured: 4990)
        #expect(taken.capturedStatus == .succeeded)
        let part = try taken.refunding(.euros(1000))
        #expect(part.refundable == 3990)
        #expect(part.capturedStatus == .partiallyRefunded)
        let all = try part.refunding(.euros(3990))
        #expect(all.capturedStatus == .refunded)
        #expect(throws: OrderError.overRefund(requested: .euros(1), refundable: .euros(0))) { try all.refunding(.euros(1)) }
        #expect(throws: OrderError.refundNotPositive(.euros(0))) { try taken.refunding(.euros(0)) }
    }

    @Test func orderNumbersAreTheIdPlusAThousand() {
        #expect(OrderNumber(id: 1).description == "1001")
        #expect(OrderNumber(id: 42).description == "1042")
        #expect(OrderNumber(parsing: "1042") == OrderNumber(id: 42))
        #expect(OrderNumber(parsing: "#1042") == OrderNumber(id: 42))
        for bad in ["", "#", "1000", "999", "10a2", "-1042", " 1042", "1042 ", "99999999999999999999"] {
            #expect(OrderNumber(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func quoteAmountsAddUp() {
        let standard = ShippingMethod(id: "standard", name: "Standard", countries: .rest, rate: .euros(495), delivery: "2 days")
        let vat = TaxRule(countries: .rest, rate: Rate(basisPoints: 2300))
        let lines = [Quote.Line(unitPrice: .euros(1000), quantity: 3)]
        for mode in [TaxMode.inclusive, .exclusive] {
            let amounts = OrderAmounts(Quote(lines: lines, shipping: standard, tax: vat, mode: mode, code: nil), discountCode: nil)
            #expect(amounts.problem == nil)
        }
    }

    @Test func amountsThatDoNotAddUpAreNamed() {
        var amounts = OrderAmounts(
            subtotal: .euros(1000), discount: .euros(0), shipping: .euros(500), tax: .euros(280), taxRate: Rate(basisPoints: 2300),
            taxMode: .inclusive, total: .euros(1500))
        #expect(amounts.problem == nil)
        amounts.total = .euros(1780)
        #expect(amounts.problem == "the total 17.80 EUR should be 15.00 EUR")
        amounts.taxMode = .exclusive
        #expect(amounts.problem == nil)
        amounts.discount = .euros(1001)
        #expect(amounts.problem == "the discount 10.01 EUR is more than the subtotal 10.00 EUR")
    }
}
