import ShelfConfig
import ShelfHTTP
import ShelfStore

/// Starting a customer's logged-in session, whichever way they proved who they are (a password
/// or an emailed code): a new session with a new cookie takes over the shopper's cart, and the
/// browser goes to the account page.
enum CustomerSession {
    /// "Remember me": 30 days; otherwise a cookie for the browser session, kept a day on the server.
    static let rememberedLifetime: Int64 = 30 * 86_400
    static let browserSessionLifetime: Int64 = 86_400
    static let unconfirmed = "Please confirm your email address first: follow the link in the email we sent when you registered."

    /// Logs `customer` in on a new session replacing `shopper`'s; `rehash`, when given, replaces
    /// the account's password hash.
    static func start(
        _ customer: Customer, remember: Bool, replacing shopper: ShopperSession, rehash: String? = nil, _ request: Request,
        _ context: FunctionContext
    ) throws -> Response {
        let token = SessionCookie.newToken(context.random)
        _ = try context.store().logIn(
            customer.id, tokenHash: SessionCookie.hash(token), replacing: shopper.session, now: context.clock.now(),
            lifetime: remember ? rememberedLifetime : browserSessionLifetime, rehash: rehash)
        var response = Response.redirect(to: "/fn/account")
        let https = request.head.isHTTPS
        response.setHeader(
            "Set-Cookie",
            remember
                ? SessionCookie.setCookie(token, https: https, maxAge: rememberedLifetime)
                : SessionCookie.setBrowserSessionCookie(token, https: https))
        return response
    }
}
