/// A coupon code from `[[codes]]` in `shelf.toml`: a percentage or an amount off the subtotal,
/// with an optional minimum subtotal and last day.
public struct DiscountCode: Hashable, Sendable {
    /// Upper case; shoppers may type it in any case.
    public var code: String
    public var kind: Kind
    public var minimumSubtotal: Money?
    /// The last day it works, `YYYY-MM-DD` in UTC, inclusive.
    public var endsOn: String?

    public enum Kind: Hashable, Sendable {
        case percent(Rate)
        case amount(Money)
    }

    public init(code: String, kind: Kind, minimumSubtotal: Money? = nil, endsOn: String? = nil) {
        self.code = code.uppercased()
        self.kind = kind
        self.minimumSubtotal = minimumSubtotal
        self.endsOn = endsOn
    }

    /// The code the shopper typed, checked against `codes` for an order of `subtotal` on `today`
    /// (`YYYY-MM-DD`, UTC).
    public static func find(
        _ typed: String, in codes: [DiscountCode], subtotal: Money, today: String
    ) throws(DiscountError) -> DiscountCode {
        let wanted = typed.trimmingSpaces.uppercased()
        guard let code = codes.first(where: { $0.code == wanted }) else { throw .unknown(wanted) }
        if let endsOn = code.endsOn, today > endsOn { throw .expired(wanted, endedOn: endsOn) }
        if let minimum = code.minimumSubtotal, subtotal < minimum { throw .belowMinimum(wanted, minimum: minimum) }
        return code
    }

    /// What it takes off `subtotal`: never more than the subtotal.
    public func discount(on subtotal: Money) -> Money {
        let off =
            switch kind {
            case .percent(let rate): rate.of(subtotal)
            case .amount(let amount): amount
            }
        return min(off, subtotal)
    }
}

/// Why a code cannot be used, for the shopper.
public enum DiscountError: Error, Hashable, Sendable {
    case unknown(String)
    case expired(String, endedOn: String)
    case belowMinimum(String, minimum: Money)
    /// A campaign's code before its campaign starts.
    case notStarted(String)
    /// A campaign's code whose orders reached its limit.
    case usedUp(String)
    /// A campaign's code for products none of which are in the cart.
    case notForCart(String)
}

extension DiscountError {
    /// The kind of refusal as it travels in a redirect's query (`unknown`), never the text typed.
    public var code: String {
        switch self {
        case .unknown: "unknown"
        case .expired: "expired"
        case .belowMinimum: "minimum"
        case .notStarted: "not-started"
        case .usedUp: "used-up"
        case .notForCart: "not-for-cart"
        }
    }

    /// The sentence for a refusal code from a redirect; nil for anything else.
    public static func message(code: String?) -> String? {
        switch code {
        case "unknown": "We don't know this code."
        case "expired": "This code has ended."
        case "minimum": "This code needs a higher subtotal."
        case "not-started": "This code does not work yet."
        case "used-up": "This code has been used up."
        case "not-for-cart": "This code does not apply to anything in your cart."
        default: nil
        }
    }
}
