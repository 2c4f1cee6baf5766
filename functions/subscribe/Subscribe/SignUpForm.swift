import ShelfStore

/// The forms that sign people up, and the words each shows: what the consent record keeps as
/// the wording the person agreed to. The wording lives here rather than in the request, so a
/// forged request cannot record words no form showed.
enum SignUpForm: String, CaseIterable {
    /// The newsletter form in every page's footer.
    case footer
    /// The function's own sign-up page (`GET /fn/subscribe`).
    case page
    /// The newsletter choice on the account dashboard.
    case account
    /// "Email me when it's back" on a sold-out variant's product page.
    case backInStock = "back-in-stock"

    var wording: String {
        switch self {
        case .footer, .page, .account:
            "Sign up for our newsletter: be the first to know about new arrivals, stories from our makers and special offers."
        case .backInStock: "Email me when it's back: one email when this item is in stock again."
        }
    }
}
