import ShelfCore
import ShelfCrypto

/// The built-in stand-in for a real provider, for demos and tests: a hosted page (served by the
/// checkout function, labelled TEST MODE) that takes test card numbers, and events in Stripe's
/// shape, signed with Stripe's scheme, that go through the very webhook code Stripe's do.
///
/// Its "session" is a signed token rather than a row: what the page shows and what the event
/// says (order, amount, where to return) cannot be changed by the shopper.
public struct TestProvider: Sendable {
    /// Signs sessions and events; derived from the store's session key.
    let secret: String

    public init(sessionKey: [UInt8]) {
        secret = "whsec_test_" + Hex.encode(Digest.hmacSHA256(key: sessionKey, message: Array("shelf test provider".utf8)))
    }

    /// The webhook secret its events are signed with.
    public var webhookSecret: String { secret }

    /// A session the test page can show and complete.
    public struct Session: Sendable, Hashable {
        public var id: String
        public var number: String
        public var amount: Int64
        public var currency: String
        public var expiresAt: Int64
    }

    /// A session token for `order`, valid until the order's reservation ends.
    public func session(for order: PaymentOrder, attempt: Int) -> String {
        let json = JSON.object([
            ("id", .string("ts_\(order.number)_\(attempt)")), ("number", .string(order.number)),
            ("amount", .number(String(order.total.minorUnits))), ("currency", .string(order.currency.code.lowercased())),
            ("expires_at", .number(String(order.expiresAt))),
        ])
        let payload = Base64URL.encode(Array(json.text.utf8))
        return payload + "." + signature(payload)
    }

    /// The session of a token, if it is ours, intact and not expired.
    public func open(_ token: String, now: Int64) -> Session? {
        let parts = token.split(separator: ".")
        guard parts.count == 2, Digest.constantTimeEquals(signature(String(parts[0])), String(parts[1])),
            let bytes = Base64URL.decode(String(parts[0])), let json = try? JSON.parse(bytes),
            let id = json["id"]?.string, let number = json["number"]?.string, let currency = json["currency"]?.string,
            case .number(let amountText)? = json["amount"], let amount = Int64(amountText),
            case .number(let expiryText)? = json["expires_at"], let expiresAt = Int64(expiryText), now < expiresAt
        else { return nil }
        return Session(id: id, number: number, amount: amount, currency: currency, expiresAt: expiresAt)
    }

    /// What a test card number does.
    public enum Outcome: Sendable, Equatable {
        case approved
        case declined(String)
        case invalid(String)
    }

    public static func charge(card: String) -> Outcome {
        let digits = card.filter { $0 != " " && $0 != "-" }
        guard digits.count >= 12, digits.count <= 19, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .invalid("Enter the card number: 12 to 19 digits.")
        }
        switch digits {
        case "4242424242424242": return .approved
        case "4000000000000002": return .declined("Your card was declined. No payment was taken; try another card.")
        default: return .invalid("In test mode only the test cards work: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.")
        }
    }

    /// The `checkout.session.completed` event for a paid session, in Stripe's shape.
    public func completedEvent(_ session: Session, eventID: String) -> [UInt8] {
        let object = JSON.object([
            ("id", .string(session.id)), ("object", .string("checkout.session")), ("client_reference_id", .string(session.number)),
            ("payment_status", .string("paid")), ("amount_total", .number(String(session.amount))),
            ("currency", .string(session.currency)), ("payment_intent", .string("pi_" + session.id)),
        ])
        let event = JSON.object([
            ("id", .string(eventID)), ("object", .string("event")), ("type", .string("checkout.session.completed")),
            ("data", .object([("object", object)])),
        ])
        return Array(event.text.utf8)
    }

    private func signature(_ payload: String) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: Array(secret.utf8), message: Array(payload.utf8)))
    }
}
