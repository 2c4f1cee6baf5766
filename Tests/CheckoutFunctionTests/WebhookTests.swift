import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPayments
import ShelfStore
import ShelfTesting
import Testing

@testable import CheckoutFunction

/// Signed notifications: only the configured provider's webhook is open, an event acts only on
/// its provider's orders, and a verified refund that does not fit is acknowledged, not failed.
@Suite struct WebhookTests {
    static let stripeSettings = """
        [payments]
        provider = "stripe"
        """
    static let webhookSecret = "whsec_unit"

    func stripeShop(_ directory: TemporaryDirectory) throws -> CheckoutFixture {
        let shop = try CheckoutFixture(directory)
        shop.settings = Self.stripeSettings
        shop.secrets = "stripe_secret_key = \"sk_test_unit\"\nstripe_webhook_secret = \"\(Self.webhookSecret)\""
        return shop
    }

    /// POSTs `event` to the webhook route `path`, signed with `secret` as Stripe signs.
    func deliver(_ event: String, to path: String, secret: String, _ shop: CheckoutFixture) throws -> Response {
        let signature = WebhookSignature.header(for: Array(event.utf8), secret: secret, at: shop.now)
        return try shop.send("POST", path, json: event, headers: ["HTTP_STRIPE_SIGNATURE": signature])
    }

    func completed(_ order: Order, session: String, intent: String) -> String {
        """
        {"id": "evt_paid_\(session)", "type": "checkout.session.completed", "data": {"object": {"id": "\(session)",
        "client_reference_id": "\(order.number)", "payment_status": "paid", "amount_total": \(order.amounts.total.minorUnits),
        "currency": "eur", "payment_intent": "\(intent)"}}}
        """
    }

    func refunded(_ order: Order, id: String, intent: String, amount: Int64, currency: String = "eur") -> String {
        """
        {"id": "\(id)", "type": "charge.refunded", "data": {"object": {"id": "ch_1", "object": "charge",
        "payment_intent": "\(intent)", "amount_refunded": \(amount), "currency": "\(currency)", "metadata": {"order": "\(order.number)"}}}}
        """
    }

    func refundedTotal(_ order: Order, _ shop: CheckoutFixture) throws -> Int64 {
        try shop.store.order(order.id)?.payments.reduce(0) { $0 + $1.amounts.refunded } ?? -1
    }

    @Test func theTestProvidersWebhookIsClosedInAStripeStore() throws {
        try withTemporaryDirectory { directory in
            let shop = try stripeShop(directory)
            let order = try shop.store.placeOrder(.sample([("TEE-M", 1)], provider: "stripe"), now: shop.now, holdFor: 1800)
            let testSecret = TestProvider(sessionKey: try shop.context().secrets.sessionKey).webhookSecret
            let answer = try deliver(completed(order, session: "cs_1", intent: "pi_1"), to: "/webhook/test", secret: testSecret, shop)
            #expect(answer.status == 404)
            #expect(try shop.store.order(order.id)?.order.status == .pendingPayment)
        }
    }

    @Test func stripesWebhookIsClosedInATestStore() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            shop.secrets = "stripe_webhook_secret = \"\(Self.webhookSecret)\""
            let order = try shop.placeOrder()
            let answer = try deliver(
                completed(order, session: "cs_1", intent: "pi_1"), to: "/webhook/stripe", secret: Self.webhookSecret, shop)
            #expect(answer.status == 404)
            #expect(try shop.store.order(order.id)?.order.status == .pendingPayment)
        }
    }

    @Test func anEventForAnOrderOfAnotherProviderIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try stripeShop(directory)
            // Placed while the store still used the test provider.
            let order = try shop.placeOrder()
            let answer = try deliver(
                completed(order, session: "cs_1", intent: "pi_1"), to: "/webhook/stripe", secret: Self.webhookSecret, shop)
            #expect(answer.status == 400)
            #expect(try shop.store.order(order.id)?.order.status == .pendingPayment)
        }
    }

    @Test func refundsThatDoNotFitAreAcknowledgedAndRecordNothing() throws {
        try withTemporaryDirectory { directory in
            let shop = try stripeShop(directory)
            let unpaid = try shop.store.placeOrder(.sample([("TEE-L", 1)], provider: "stripe"), now: shop.now, holdFor: 1800)
            let order = try shop.store.placeOrder(.sample([("TEE-M", 2)], provider: "stripe"), now: shop.now, holdFor: 1800)
            let paid = try deliver(
                completed(order, session: "cs_1", intent: "pi_1"), to: "/webhook/stripe", secret: Self.webhookSecret, shop)
            #expect(paid.status == 200)
            #expect(try shop.store.order(order.id)?.order.status == .paid)
            let total = order.amounts.total.minorUnits
            let misfits = [
                refunded(order, id: "evt_over", intent: "pi_1", amount: total + 1),
                refunded(order, id: "evt_usd", intent: "pi_1", amount: 1000, currency: "usd"),
                refunded(order, id: "evt_other", intent: "pi_someone_else", amount: 1000),
                refunded(unpaid, id: "evt_unpaid", intent: "pi_1", amount: 1000),
            ]
            for event in misfits {
                let answer = try deliver(event, to: "/webhook/stripe", secret: Self.webhookSecret, shop)
                #expect(answer.status == 200, "\(event)")
            }
            #expect(try refundedTotal(order, shop) == 0)
            #expect(try refundedTotal(unpaid, shop) == 0)
            // One that fits is recorded, once, and only the part not recorded yet.
            for id in ["evt_fit", "evt_fit_again"] {
                let answer = try deliver(
                    refunded(order, id: id, intent: "pi_1", amount: 1000), to: "/webhook/stripe", secret: Self.webhookSecret, shop)
                #expect(answer.status == 200)
            }
            #expect(try refundedTotal(order, shop) == 1000)
            _ = try deliver(
                refunded(order, id: "evt_more", intent: "pi_1", amount: 1500), to: "/webhook/stripe", secret: Self.webhookSecret, shop)
            #expect(try refundedTotal(order, shop) == 1500)
        }
    }
}
