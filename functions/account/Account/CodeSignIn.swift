import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// "Email me a sign-in code": the login page's second form asks for a code (the same answer for
/// any address, at most three codes an hour per account); the code page takes the six digits
/// (ten minutes, five tries, once) and logs the shopper in as a password would.
enum CodeSignIn {
    static let path = "/fn/account/code"
    static let wrongCode = "That code is not right, or no longer works. Check the newest email, or ask for a new code."

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let shopper = try ShopperSession.findOrStart(request, context, in: try context.store())
        if shopper.session.customerID != nil { return .redirect(to: "/fn/account") }
        let email = try request.queryFields().optional("email") ?? ""
        return try page(email: email).response(shopper, context)
    }

    /// Emails a code when the address has an account; answers the same either way.
    static func request(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let (email, problem) = try form.email()
        if let problem { return try Login.form(email: email, problem: problem, status: 422).response(form.shopper, context) }
        let code = SignInCode.issue(context.random, key: context.secrets.sessionKey)
        let queued = try store.requestSignInCode(email: email, code: code, now: context.clock.now())
        context.log("sign-in code: \(queued ? "queued" : "not queued (unknown address or too many)")")
        return try page(email: email, sent: true).response(form.shopper, context)
    }

    /// Logs in with the typed code; a locked or unconfirmed account is refused in the login's words.
    static func enter(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let now = context.clock.now()
        let email = try form.text("email").trimmingSpaces
        let remember = try form.text("remember") == "yes"
        let client = request.head.clientAddress
        if let wait = try ClientThrottle.problem(client: client, in: store, now: now) {
            return try page(email: email, problem: wait, status: 429).response(form.shopper, context)
        }
        let key = context.secrets.sessionKey
        let typed = SignInCode.normalized(try form.text("code"))
        guard let typed, let customer = try store.useSignInCode(email: email, codeHash: SignInCode.hash(typed, key: key), now: now)
        else {
            let (unused, _) = AccountLink.issue(context.random, key: key)
            try store.recordLoginFailure(customerID: nil, client: client, unlock: unused, now: now)
            return try page(email: email, problem: wrongCode, status: 403).response(form.shopper, context)
        }
        if customer.isLocked { return try page(email: email, problem: Login.locked, status: 403).response(form.shopper, context) }
        guard customer.isConfirmed else {
            return try page(email: email, problem: CustomerSession.unconfirmed, status: 403).response(form.shopper, context)
        }
        return try CustomerSession.start(customer, remember: remember, replacing: form.shopper, request, context)
    }

    static func page(email: String, sent: Bool = false, problem: String? = nil, status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path + "/enter", "email": email]
        if sent { values["sent"] = true }
        if let problem { values["problem"] = problem }
        return AccountPage(template: "account-code", title: "Sign in with a code", path: path, values: values, status: status)
    }
}
