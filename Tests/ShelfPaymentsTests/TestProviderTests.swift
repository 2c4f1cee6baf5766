import ShelfCore
import ShelfCrypto
import ShelfTesting
import Testing

@testable import ShelfPayments

@Suite struct TestProviderTests {
    let provider = TestProvider(sessionKey: Array(repeating: 9, count: 32))
    let order = PaymentOrder(
        number: "EV-1001", email: "ann@example.com", lines: [PaymentOrder.Line(name: "Tee", unitPrice: .euros(2900), quantity: 1)],
        shippingName: "Standard", shipping: .euros(495), discount: .euros(0), discountCode: nil, addedTax: .euros(0), taxName: "VAT",
        total: .euros(3395), expiresAt: 2_000)

    @Test func sessionsRoundTripAndCannotBeAltered() throws {
        let token = provider.session(for: order, attempt: 2)
        let session = try #require(provider.open(token, now: 1_000))
        #expect(session == TestProvider.Session(id: "ts_EV-1001_2", number: "EV-1001", amount: 3395, currency: "eur", expiresAt: 2_000))
        #expect(provider.open(token, now: 2_000) == nil)  // expired with the reservation
        let parts = token.split(separator: ".")
        let forged = Base64URL.encode(Array(#"{"id":"x","number":"EV-1001","amount":1,"currency":"eur","expires_at":9999}"#.utf8))
        #expect(provider.open(forged + "." + parts[1], now: 1_000) == nil)
        #expect(TestProvider(sessionKey: Array(repeating: 8, count: 32)).open(token, now: 1_000) == nil)
    }

    @Test func testCardsApproveDeclineOrAreRefused() {
        #expect(TestProvider.charge(card: "4242 4242 4242 4242") == .approved)
        guard case .declined = TestProvider.charge(card: "4000-0000-0000-0002") else { Issue.record("not declined"); return }
        guard case .invalid = TestProvider.charge(card: "5555555555554444") else { Issue.record("not refused"); return }
        guard case .invalid = TestProvider.charge(card: "abc") else { Issue.record("not refused"); return }
    }

    @Test func itsEventsAreStripeShapedAndSignedLikeStripes() throws {
        let session = try #require(provider.open(provider.session(for: order, attempt: 1), now: 1_000))
        let body = provider.completedEvent(session, eventID: "evt_test_1")
        let header = WebhookSignature.header(for: body, secret: provider.webhookSecret, at: 1_000)
        try WebhookSignature.verify(header: header, body: body, secret: provider.webhookSecret, now: 1_010)
        let event = try StripeEvent.parse(body)
        #expect(
            event.change
                == .paid(number: "EV-1001", session: "ts_EV-1001_1", paymentIntent: "pi_ts_EV-1001_1", amount: 3395, currency: "eur"))
    }

    @Test func base64URLDecodesWhatItEncodes() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
    }
}
