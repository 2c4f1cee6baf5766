import ShelfAuth
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// Logging in, after the flowchart: an unknown email and a wrong password get the same words
/// after the same work (a dummy hash); the third failure in a row locks the account and emails
/// an unlock link; a locked account's page says how to unlock, whether the password was right or
/// wrong; a client with 20 failures in 10 minutes waits.
enum Login {
    static let path = "/fn/account/login"
    static let wrongCredentials = "The email or password is not right. Please try again."
    static let locked =
        "This account is locked after too many failed attempts to log in. We have emailed you a link to unlock it; "
        + "open it, then log in again. No email? You can also reset your password."

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let shopper = try ShopperSession.findOrStart(request, context, in: try context.store())
        // Someone already logged in has nothing to do here.
        if shopper.session.customerID != nil { return .redirect(to: "/fn/account") }
        let query = try request.queryFields()
        var notice: String?
        if try query.optional("logged_out") != nil { notice = "You are logged out." }
        if try query.optional("changed") != nil { notice = "Your password was changed. Log in with your new password." }
        return try form(notice: notice).response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let now = context.clock.now()
        let email = try form.text("email").trimmingSpaces
        // The form the password was hashed in; a text too long to be any password matches none.
        let password = PasswordPolicy.normalized(try form.text("password")) ?? ""
        let remember = try form.text("remember") == "yes"
        let client = request.head.clientAddress
        if let wait = try ClientThrottle.problem(client: client, in: store, now: now) {
            return try self.form(email: email, problem: wait, status: 429).response(form.shopper, context)
        }
        let hasher = PasswordHasher.owasp
        let customer = try store.customer(email: email)
        let matches = customer.map { hasher.verify(password, against: $0.passwordHash) } ?? hasher.verifyDummy(password)
        guard let customer, matches, !customer.isLocked else {
            var standing = customer
            if !matches {
                let (unlock, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
                standing = try store.recordLoginFailure(customerID: customer?.id, client: client, unlock: unlock, now: now)
            }
            let problem = standing?.isLocked == true ? locked : wrongCredentials
            return try self.form(email: email, problem: problem, status: 403).response(form.shopper, context)
        }
        guard customer.isConfirmed else {
            return try self.form(email: email, problem: CustomerSession.unconfirmed, status: 403).response(form.shopper, context)
        }
        return try CustomerSession.start(
            customer, remember: remember, replacing: form.shopper,
            rehash: hasher.needsRehash(customer.passwordHash) ? try hasher.hash(password) : nil, request, context)
    }

    static func form(email: String = "", problem: String? = nil, notice: String? = nil, status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path, "email": email]
        if let problem { values["problem"] = problem }
        if let notice { values["notice"] = notice }
        return AccountPage(template: "account-login", title: "Log in", path: path, values: values, status: status)
    }
}
