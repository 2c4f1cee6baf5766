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
    /// the account's password hash. An account with two-factor on is not logged in yet: the
    /// shopper's session records a pending login and the browser is sent for the second factor.
    static func start(
        _ customer: Customer, remember: Bool, replacing shopper: ShopperSession, rehash: String? = nil, _ request: Request,
        _ context: FunctionContext
    ) throws -> Response {
        let store = try context.store()
        if try store.totp(customerID: customer.id) != nil {
            try store.startPendingLogin(
                customerID: customer.id, remember: remember, rehash: rehash, in: shopper.session, now: context.clock.now())
            return .redirect(to: SecondFactor.path)
        }
        return try logIn(customer.id, remember: remember, replacing: shopper, rehash: rehash, request, context)
    }

    /// The session itself: a new cookie, the cart moved over, the previous session deleted.
    static func logIn(
        _ customerID: Int64, remember: Bool, replacing shopper: ShopperSession, rehash: String? = nil, _ request: Request,
        _ context: FunctionContext
    ) throws -> Response {
        let token = SessionCookie.newToken(context.random)
        _ = try context.store().logIn(
            customerID, tokenHash: SessionCookie.hash(token), replacing: shopper.session, now: context.clock.now(),
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
