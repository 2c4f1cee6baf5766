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

    @Test func paidOrdersCanBeCancelledOrShippedAndEndedOrdersOnlyPaidLate() {
        #expect(OrderStatus.allCases.filter(OrderStatus.paid.canChange) == [.cancelled, .partiallyShipped, .shipped])
        #expect(OrderStatus.allCases.filter(OrderStatus.expired.canChange) == [.paid])
        #expect(OrderStatus.allCases.filter(OrderStatus.cancelled.canChange).isEmpty)
        #expect(!OrderStatus.paid.isAwaitingPayment)
    }

    @Test func shippedOrdersOnlyShipTheRestOrArrive() {
        #expect(OrderStatus.allCases.filter(OrderStatus.partiallyShipped.canChange) == [.partiallyShipped, .shipped])
        #expect(OrderStatus.allCases.filter(OrderStatus.shipped.canChange) == [.delivered])
        #expect(OrderStatus.allCases.filter(OrderStatus.delivered.canChange).isEmpty)
        #expect(OrderStatus.allCases.filter(\.hasShipped) == [.partiallyShipped, .shipped, .delivered])
    }

    @Test func statusesAreStoredByTheirSchemaNames() {
        #expect(
            OrderStatus.allCases.map(\.rawValue) == [
                "pending_payment", "awaiting_payment", "paid", "cancelled", "expired", "partially_shipped", "shipped", "delivered",
            ])
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

@Suite struct MissingGoodsRefundTests {
    func amounts(subtotal: Int64, discount: Int64, shipping: Int64, rate: Int, mode: TaxMode) -> OrderAmounts {
        let net = subtotal - discount
        let tax = mode == .exclusive ? Rate(basisPoints: rate).of(.euros(net + shipping)).minorUnits : 0
        return OrderAmounts(
            subtotal: .euros(subtotal), discount: .euros(discount), shipping: .euros(shipping), tax: .euros(tax),
            taxRate: Rate(basisPoints: rate), taxMode: mode, total: .euros(net + shipping + tax))
    }

    @Test func goodsAreRefundedLessTheirShareOfTheDiscount() {
        let order = amounts(subtotal: 10_000, discount: 1_000, shipping: 495, rate: 2300, mode: .inclusive)
        #expect(order.refund(forGoodsWorth: .euros(2_500)) == .euros(2_250))
        #expect(order.refund(forGoodsWorth: .euros(0)) == .euros(0))
        #expect(order.refund(forGoodsWorth: .euros(10_000)) == .euros(9_000), "shipping stays: the rest shipped")
    }

    @Test func exclusiveTaxIsRefundedWithTheGoods() {
        let order = amounts(subtotal: 3_333, discount: 333, shipping: 0, rate: 2000, mode: .exclusive)
        // 1111 less a third of 333 (111) is 1000, plus 20 % tax.
        #expect(order.refund(forGoodsWorth: .euros(1_111)) == .euros(1_200))
        #expect(order.refund(forGoodsWorth: .euros(3_333)) == order.total)
    }
}
