import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import CheckoutFunction

/// The order's status page, as the shopper reaches it from an email, at each stage of the order.
@Suite struct OrderPageTests {
    let parcel = ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE123IE"])
    let day = CheckoutFixture.day

    /// The timeline's steps as `label|state|date`, read from the page.
    func timeline(_ html: String) -> [String] {
        html.matches(of: /<li class="timeline__step timeline__step--(\w+)"[^>]*>(.*?)<\/li>/.dotMatchesNewlines()).map { match in
            let text = String(match.output.2).visibleText
            return "\(text)|\(match.output.1)"
        }
    }

    @Test func aPaidOrderShowsPlacedAndPaidWithTheirDatesAndTheRestAsUpcoming() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order, after: day)
            let (response, html) = try shop.orderPage(order)
            #expect(response.status == 200)
            #expect(response.header("Cache-Control") == "no-store")
            #expect(
                timeline(html) == [
                    "✓ Placed 25 November 2026|done", "✓ Paid 26 November 2026|done", "Shipped (upcoming)|upcoming",
                    "Delivered (upcoming)|upcoming",
                ])
            #expect(html.contains(#"<time datetime="2026-11-26">26 November 2026</time>"#))
            #expect(html.contains(#"data-order-status="paid""#))
            #expect(!html.contains("order__shipped"))
        }
    }

    @Test func aPendingOrderStillOffersToPayAgain() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            let html = try shop.orderPage(order).html
            #expect(timeline(html).map { $0.split(separator: "|").last! } == ["done", "upcoming", "upcoming", "upcoming"])
            #expect(html.contains("Try paying again"))
            #expect(html.contains(#"action="/fn/checkout/pay""#))
        }
    }

    @Test func aShippedOrderShowsTheParcelWithItsCarrierAndTrackingNumber() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            _ = try shop.store.fulfil(order.id, parcel, now: shop.now + 2 * day)
            let html = try shop.orderPage(order).html
            #expect(html.contains(#"<p class="order__status" data-order-status="shipped">Shipped</p>"#))
            #expect(
                timeline(html) == [
                    "✓ Placed 25 November 2026|done", "✓ Paid 25 November 2026|done",
                    "✓ Shipped 27 November 2026 An Post · Tracking number CE123IE|done", "Delivered (upcoming)|upcoming",
                ])
            #expect(html.visibleText.contains("2 shipped"))
            #expect(html.visibleText.contains("1 shipped"))
            // The history's notes are the merchant's: never on the shopper's page.
            #expect(!html.contains("shipped 3 items by"))
        }
    }

    @Test func anOrderInSeveralParcelsShowsEachAndWhatIsStillToCome() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            var first = parcel
            first.ship = ["TEE-M": 2]
            _ = try shop.store.fulfil(order.id, first, now: shop.now + day)
            var html = try shop.orderPage(order).html
            #expect(html.contains(#"data-order-status="partially_shipped">Partly shipped</p>"#))
            #expect(
                timeline(html).suffix(3) == [
                    "✓ Partly shipped 26 November 2026 An Post · Tracking number CE123IE|done",
                    "Shipped (upcoming) The rest of your order|upcoming", "Delivered (upcoming)|upcoming",
                ])
            #expect(html.visibleText.contains("0 shipped"))

            let second = ShipmentRequest(carrier: "DPD", trackingNumbers: ["DPD1", "DPD2"])
            _ = try shop.store.fulfil(order.id, second, now: shop.now + 3 * day)
            html = try shop.orderPage(order).html
            #expect(
                timeline(html).suffix(3) == [
                    "✓ Partly shipped 26 November 2026 An Post · Tracking number CE123IE|done",
                    "✓ Shipped 28 November 2026 DPD · Tracking numbers DPD1, DPD2|done", "Delivered (upcoming)|upcoming",
                ])
        }
    }

    @Test func aDeliveredOrderShowsTheDayItArrived() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            _ = try shop.store.fulfil(order.id, parcel, now: shop.now + day)
            try shop.store.markDelivered(order.id, now: shop.now + 4 * day)
            let html = try shop.orderPage(order).html
            #expect(html.contains(#"data-order-status="delivered">Delivered</p>"#))
            #expect(timeline(html).last == "✓ Delivered 29 November 2026|done")
            #expect(html.contains(#"<li class="timeline__step timeline__step--done" aria-current="step">"#))
        }
    }

    @Test func unitsNotFoundAreShownAsRefundedAndTheRefundIsInTheTotals() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            var request = parcel
            request.missing = ["TEE-L": 1]
            let fulfilment = try shop.store.fulfil(order.id, request, now: shop.now + day)
            _ = try shop.store.recordRefund(order.id, amount: fulfilment.refund, reference: "re_1", now: shop.now + day)
            let text = try shop.orderPage(order).html.visibleText
            #expect(text.contains("0 shipped 1 not available — refunded"))
            #expect(text.contains("Refunded −€25.00"))
        }
    }

    @Test func withoutRefundsThereIsNoRefundLine() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            let html = try shop.orderPage(order).html
            #expect(!html.contains("Refunded"))
            #expect(!html.contains("not available"))
        }
    }

    @Test func aCancelledOrderEndsWithThatInsteadOfTheStepsToCome() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            try shop.store.cancelOrder(order.id, now: shop.now + day, note: "the shopper asked")
            let html = try shop.orderPage(order).html
            #expect(
                timeline(html) == [
                    "✓ Placed 25 November 2026|done", "✓ Paid 25 November 2026|done", "✕ Cancelled 26 November 2026|ended",
                ])
            #expect(!html.contains("the shopper asked"))
        }
    }

    @Test func anExpiredOrderSaysSo() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.store.expireOrders(now: shop.now + day)
            let html = try shop.orderPage(order).html
            #expect(timeline(html) == ["✓ Placed 25 November 2026|done", "✕ Expired 26 November 2026|ended"])
        }
    }

    @Test func theCarrierAndTrackingNumberAreEscaped() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            try shop.pay(order)
            _ = try shop.store.fulfil(
                order.id, ShipmentRequest(carrier: "<b>Post</b>", trackingNumbers: [#""><script>x</script>"#]), now: shop.now)
            let html = try shop.orderPage(order).html
            #expect(html.contains("&lt;b&gt;Post&lt;/b&gt;"))
            #expect(!html.contains("<script>x"))
        }
    }
}
