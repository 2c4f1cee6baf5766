import ShelfAuth
import ShelfConfig
import ShelfCrypto
import ShelfHTTP
import ShelfStore

/// The login's second step for an account with two-factor on: a code from the authenticator
/// app (each step accepted once) or a recovery code (each once), for the login pending on this
/// browser's session (five minutes, used once).
enum SecondFactor {
    static let path = "/fn/account/two-factor/login"
    static let wrongCode = "That code is not right. Type the 6 digits your app shows now, or one of your recovery codes."

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store),
            try store.pendingLogin(in: shopper.session, now: context.clock.now()) != nil
        else { return .redirect(to: Login.path) }
        return try page().response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let now = context.clock.now()
        guard let pending = try store.pendingLogin(in: form.shopper.session, now: now),
            let totp = try store.totp(customerID: pending.customerID)
        else { return .redirect(to: Login.path) }
        // Nil when the sealed secret does not open (logged): only a recovery code can then prove the login.
        let secret = try TOTPSealing.secret(of: pending.customerID, stored: totp.secret, in: store, context)
        let client = request.head.clientAddress
        if let wait = try ClientThrottle.problem(client: client, in: store, now: now) {
            return try page(problem: wait, status: 429).response(form.shopper, context)
        }
        let typed = try form.text("code")
        var proven = false
        if let secret, let step = TOTP.verify(typed, secret: secret, at: now, after: totp.lastStep) {
            proven = try store.useTOTPStep(step, customerID: pending.customerID)
        } else if let recovery = RecoveryCodes.normalized(typed) {
            proven = try store.useRecoveryCode(hash: Digest.sha256Hex(recovery), customerID: pending.customerID, now: now)
        }
        guard proven else {
            let (unused, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
            try store.recordLoginFailure(customerID: nil, client: client, unlock: unused, now: now)
            return try page(problem: wrongCode, status: 403).response(form.shopper, context)
        }
        return try CustomerSession.logIn(pending.customerID, remember: pending.remember, replacing: form.shopper, request, context)
    }

    static func page(problem: String? = nil, status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path]
        if let problem { values["problem"] = problem }
        return AccountPage(template: "account-second-factor", title: "Two-step sign-in", path: path, values: values, status: status)
    }
}
