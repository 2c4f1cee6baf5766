public import ShelfHTTP

/// The subscribe function's routes: the mailing list, with double opt-in.
///
/// | Route | What it does |
/// |---|---|
/// | `GET /fn/subscribe` | the sign-up form |
/// | `POST /fn/subscribe` | sign up (`email`, `form`, and `sku` for back-in-stock): a confirmation email follows |
/// | `GET /fn/subscribe/confirm?token=…` | the confirmation link |
/// | `GET /fn/subscribe/unsubscribe?token=…` | a page with an unsubscribe button (link scanners only GET) |
/// | `POST /fn/subscribe/unsubscribe?token=…` | unsubscribe: the button, or a mail provider's RFC 8058 one-click POST |
/// | `GET`/`POST /fn/subscribe/preferences?token=…` | choose topics, or unsubscribe from everything |
/// | `GET /fn/subscribe/click?n=…&r=…&s=…&to=…&sig=…` | a newsletter's signed link: records the click, redirects to the store page |
public enum SubscribeRoutes {
    /// An address and a few short fields.
    static let formLimit = 4096

    public static let all: [Route] = [
        Route(.get, "/") { request, context in try SignUp.show(request, context) },
        Route(.post, "/", body: .accepts([.form], limit: formLimit)) { request, context in try SignUp.submit(request, context) },
        Route(.get, "/confirm") { request, context in try SubscriptionConfirmation.follow(request, context) },
        Route(.get, "/unsubscribe") { request, context in try Unsubscribe.show(request, context) },
        // No body is read and no cross-site check applies: mail providers POST from their own
        // servers, with no cookie and no form token. The signed token in the address is the proof.
        Route(.post, "/unsubscribe", callers: .signedBySender) { request, context in try Unsubscribe.submit(request, context) },
        Route(.get, "/click") { request, context in try NewsletterClick.follow(request, context) },
        Route(.get, "/open") { request, context in try NewsletterOpen.record(request, context) },
        Route(.get, "/preferences") { request, context in try Preferences.show(request, context) },
        Route(.post, "/preferences", body: .accepts([.form], limit: formLimit)) { request, context in
            try Preferences.submit(request, context)
        },
    ]
}
