/// The emails the store sends, each named after its theme template (`emails/NAME.*.mustache`).
public enum Email: String, CaseIterable, Hashable, Sendable {
    /// The order is placed: paid by card, or awaiting a manual transfer with its instructions.
    case orderConfirmation = "order-confirmation"
    /// A manual transfer arrived for an order confirmed earlier.
    case paymentReceived = "payment-received"
    /// A parcel left, with its carrier and tracking numbers, and any lines refunded as missing.
    case orderShipped = "order-shipped"
    case orderDelivered = "order-delivered"
    case orderCancelled = "order-cancelled"
    case refundIssued = "refund-issued"
    /// The order's status link, asked for again from the store's footer form.
    case orderLink = "order-link"
    /// Confirms a new account's address: a single-use link.
    case accountConfirm = "account-confirm"
    /// Someone registered with an address that already has an account.
    case accountExists = "account-exists"
    /// The account was locked after failed logins: a single-use link unlocks it.
    case accountUnlock = "account-unlock"
    /// A password reset was asked for: a single-use link sets a new password.
    case accountReset = "account-reset"
    /// The password was changed and every session ended.
    case accountPasswordChanged = "account-password-changed"
    /// A six-digit sign-in code, asked for on the login page.
    case accountCode = "account-code"
    /// A new address was entered on the dashboard: a single-use link, sent to it, confirms it.
    case accountEmailConfirm = "account-email-confirm"
    /// Sent to the old address once the account's email has changed.
    case accountEmailChanged = "account-email-changed"
    /// A newsletter or back-in-stock sign-up: a single-use link confirms the address.
    case subscribeConfirm = "subscribe-confirm"
    /// A SKU a confirmed subscriber waited for is available again.
    case backInStock = "back-in-stock"
    /// A newsletter (`content/newsletters/*.md`) to one confirmed subscriber.
    case newsletter = "newsletter"

    /// True for the emails about an account rather than an order.
    public var isAboutAccount: Bool { rawValue.hasPrefix("account-") }

    /// True for the emails of the mailing list: sign-up confirmations and back-in-stock alerts.
    public var isAboutSubscription: Bool { self == .subscribeConfirm || self == .backInStock }

    /// True for campaign mail: a bounce suppresses its address, and it goes only to subscribers
    /// still confirmed when it is sent.
    public var isCampaign: Bool { self == .newsletter }
}
