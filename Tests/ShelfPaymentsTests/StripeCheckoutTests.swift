import ShelfCore
import ShelfTesting
import Synchronization
import Testing

@testable import ShelfPayments

/// Stands in for the network: answers from a script and records what was sent.
final class ScriptedHTTP: HTTPClient {
    let answers: Mutex<[Result<OutboundResponse, OutboundError>]>
    let sent = Mutex<[OutboundRequest]>([])

    init(_ answers: [Result<OutboundResponse, OutboundError>]) {
        self.answers = Mutex(answers)
    }

    func send(_ request: OutboundRequest) throws(OutboundError) -> OutboundResponse {
        sent.withLock { $0.append(request) }
        let next = answers.withLock { $0.isEmpty ? .failure(OutboundError("no more answers")) : $0.removeFirst() }
        return try next.get()
    }

    var requests: [OutboundRequest] { sent.withLock { $0 } }
}

func ok(_ json: String) -> Result<OutboundResponse, OutboundError> { .success(OutboundResponse(status: 200, body: Array(json.utf8))) }

@Suite struct StripeCheckoutTests {
    let order = PaymentOrder(
        number: "EV-1042", email: "ann@example.com",
        lines: [PaymentOrder.Line(name: "Organic Tee — Forest / M", unitPrice: .euros(2900), quantity: 2)],
        shippingName: "Standard", shipping: .euros(495), discount: .euros(580), discountCode: "WELCOME10", addedTax: .euros(0),
        taxName: "VAT", total: .euros(5715), expiresAt: 1_800_001_800)

    func form(_ request: OutboundRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.removingPercentEncodingForTest() }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    func header(_ request: OutboundRequest, _ name: String) -> String? { request.headers.first { $0.name == name }?.value }

    @Test func createsTheSessionWithOurAmountsAndKeys() throws {
        let http = ScriptedHTTP([
            ok(#"{"id":"coupon_1"}"#),
            ok(#"{"id":"cs_1","url":"https://checkout.stripe.com/c/cs_1","amount_total":5715,"currency":"eur"}"#),
        ])
        let stripe = StripeCheckout(client: StripeClient(api: "http://127.0.0.1:1", secretKey: "sk_test_1", http: http, backoff: []))
        let session = try stripe.createSession(for: order, attempt: 1, successURL: "https://s/ok", cancelURL: "https://s/no")
        #expect(session == StripeCheckout.Session(id: "cs_1", url: "https://checkout.stripe.com/c/cs_1"))
        let requests = http.requests
        #expect(requests.map(\.url) == ["http://127.0.0.1:1/v1/coupons", "http://127.0.0.1:1/v1/checkout/sessions"])
        #expect(header(requests[0], "Idempotency-Key") == "shelf-EV-1042-1-coupon")
        #expect(header(requests[1], "Idempotency-Key") == "shelf-EV-1042-1")
        #expect(header(requests[1], "Authorization") == "Bearer sk_test_1")
        #expect(form(requests[0])["amount_off"] == "580")
        let fields = form(requests[1])
        #expect(fields["client_reference_id"] == "EV-1042")
        #expect(fields["line_items[0][price_data][unit_amount]"] == "2900")
        #expect(fields["line_items[0][quantity]"] == "2")
        #expect(fields["line_items[0][price_data][currency]"] == "eur")
        #expect(fields["shipping_options[0][shipping_rate_data][fixed_amount][amount]"] == "495")
        #expect(fields["discounts[0][coupon]"] == "coupon_1")
        #expect(fields["expires_at"] == "1800001800")
    }

    @Test func retriesReuseTheSameKey() throws {
        let http = ScriptedHTTP([
            .failure(OutboundError("connection reset")),
            .success(OutboundResponse(status: 503, body: [])),
            ok(#"{"id":"re_1"}"#),
        ])
        let stripe = StripeCheckout(client: StripeClient(api: "http://x", secretKey: "sk", http: http, backoff: [0, 0]))
        #expect(try stripe.refund(paymentIntent: "pi_1", amount: .euros(500), key: "shelf-refund-EV-1042-1") == "re_1")
        #expect(http.requests.count == 3)
        #expect(Set(http.requests.compactMap { header($0, "Idempotency-Key") }) == ["shelf-refund-EV-1042-1"])
    }

    @Test func givesUpAfterTheRetriesAndRefusesAMismatchedTotal() throws {
        let down = ScriptedHTTP([.failure(OutboundError("down")), .failure(OutboundError("down"))])
        let stripe = StripeCheckout(client: StripeClient(api: "http://x", secretKey: "sk", http: down, backoff: [0]))
        #expect(throws: PaymentError.self) { try stripe.refund(paymentIntent: "pi_1", amount: .euros(1), key: "k") }

        let wrong = ScriptedHTTP([
            ok(#"{"id":"coupon_1"}"#), ok(#"{"id":"cs_1","url":"https://c/cs_1","amount_total":6295,"currency":"eur"}"#),
        ])
        let checkout = StripeCheckout(client: StripeClient(api: "http://x", secretKey: "sk", http: wrong, backoff: []))
        #expect(throws: PaymentError.self) { try checkout.createSession(for: order, attempt: 1, successURL: "s", cancelURL: "c") }
    }

    @Test func aRefusalIsNotRetried() {
        let http = ScriptedHTTP([.success(OutboundResponse(status: 400, body: Array(#"{"error":{"message":"bad"}}"#.utf8)))])
        let stripe = StripeCheckout(client: StripeClient(api: "http://x", secretKey: "sk", http: http, backoff: [0, 0]))
        #expect(throws: PaymentError.self) { try stripe.refund(paymentIntent: "pi_1", amount: .euros(1), key: "k") }
        #expect(http.requests.count == 1)
    }

    @Test func readsTheEventsThatChangeOrders() throws {
        func event(_ type: String, _ object: String) throws -> StripeEvent.Change {
            try StripeEvent.parse(Array(#"{"id":"evt_1","type":"\#(type)","data":{"object":\#(object)}}"#.utf8)).change
        }
        let paid =
            #"{"id":"cs_1","client_reference_id":"EV-1","payment_status":"paid","amount_total":500,"currency":"eur","payment_intent":"pi_1"}"#
        #expect(
            try event("checkout.session.completed", paid)
                == .paid(number: "EV-1", session: "cs_1", paymentIntent: "pi_1", amount: 500, currency: "eur"))
        let unpaid = #"{"id":"cs_1","client_reference_id":"EV-1","payment_status":"unpaid"}"#
        #expect(try event("checkout.session.completed", unpaid) == .pending(number: "EV-1", session: "cs_1"))
        #expect(try event("checkout.session.expired", unpaid) == .expired(number: "EV-1", session: "cs_1"))
        #expect(try event("checkout.session.async_payment_failed", unpaid) == .failed(number: "EV-1", session: "cs_1"))
        let charge = #"{"id":"ch_1","payment_intent":"pi_1","amount_refunded":200,"currency":"eur","metadata":{"order":"1042"}}"#
        #expect(
            try event("charge.refunded", charge)
                == .refunded(number: "1042", charge: "ch_1", paymentIntent: "pi_1", amountRefunded: 200, currency: "eur"))
        #expect(try event("customer.created", "{}") == .ignored)
        #expect(throws: PaymentError.self) { try StripeEvent.parse(Array("[]".utf8)) }
    }
}

extension Substring {
    /// Undoes FormBody's escaping, for reading back what was sent.
    func removingPercentEncodingForTest() -> String {
        var bytes: [UInt8] = []
        var index = startIndex
        while index < endIndex {
            if self[index] == "%", let byte = UInt8(self[self.index(after: index)...].prefix(2), radix: 16) {
                bytes.append(byte)
                index = self.index(index, offsetBy: 3)
            } else {
                bytes.append(contentsOf: Array(String(self[index]).utf8))
                index = self.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
