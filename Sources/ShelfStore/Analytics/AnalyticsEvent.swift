/// One thing a visitor did, as the analytics keep it: a page view from the beacon, or a store
/// event a function records (a cart add, a payment…). Text fields are cut to the lengths the
/// schema allows, so a long value is shortened rather than refused.
///
/// ```swift
/// try store.record(AnalyticsEvent(.search, detail: "linen", amount: 0), visitor: hash, now: now)
/// ```
public struct AnalyticsEvent: Sendable, Hashable {
    public var kind: Kind
    /// The page's path, without query or fragment (page views).
    public var path: String
    /// The product's handle: of the product page viewed, or of the product added to the cart.
    public var product: String
    /// The host of the page that linked here, for page views that came from another site.
    public var referrer: String
    public var utmSource: String
    public var utmMedium: String
    public var utmCampaign: String
    /// The screen width class: `phone`, `tablet` or `desktop`.
    public var screen: String
    /// What else the kind needs: a search's query, a checkout step's name, an order's number.
    public var detail: String
    /// A count or money in minor units: a search's results, a payment's or refund's amount,
    /// the quantity added to a cart.
    public var amount: Int64
    /// The order a checkout step placed, or a payment or refund is of.
    public var orderID: Int64?

    public init(
        _ kind: Kind, path: String = "", product: String = "", referrer: String = "", utmSource: String = "", utmMedium: String = "",
        utmCampaign: String = "", screen: String = "", detail: String = "", amount: Int64 = 0,
        orderID: Int64? = nil
    ) {
        self.kind = kind
        self.path = path.cut(to: 512)
        self.product = product.cut(to: 200)
        self.referrer = referrer.cut(to: 255)
        self.utmSource = utmSource.cut(to: 100)
        self.utmMedium = utmMedium.cut(to: 100)
        self.utmCampaign = utmCampaign.cut(to: 100)
        self.screen = screen.cut(to: 10)
        self.detail = detail.cut(to: 200)
        self.amount = amount
        self.orderID = orderID
    }

    /// What happened. The order of the cases is the funnel's.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pageView = "page_view"
        case cartAdd = "cart_add"
        case checkoutStart = "checkout_start"
        case checkoutStep = "checkout_step"
        case paid
        case refunded
        case subscribed
        case accountCreated = "account_created"
        case search
    }
}

extension String {
    /// At most `count` Unicode scalars, as SQL's `length` counts them.
    fileprivate func cut(to count: Int) -> String {
        unicodeScalars.count <= count ? self : String(String.UnicodeScalarView(unicodeScalars.prefix(count)))
    }
}
