import ShelfAuth
import ShelfConfig
import ShelfCrypto
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// The settings page that turns TOTP on (scan the QR code or type the secret, confirm with a
/// current code, keep the ten recovery codes shown once) and off (with the password).
enum TwoFactorSettings {
    static let path = "/fn/account/two-factor"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store), let customer = try store.customer(in: shopper.session)
        else { return .redirect(to: Login.path) }
        if try store.totp(customerID: customer.id) != nil { return try enabledPage().response(shopper, context) }
        try TOTPSealing.requireKey(context)
        return try enrolPage(TOTPSecret.generate(using: context.random), for: customer, context).response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        guard let customer = try store.customer(in: form.shopper.session) else { return .redirect(to: Login.path) }
        let now = context.clock.now()
        if try form.text("action") == "off" {
            let password = PasswordPolicy.normalized(try form.text("password")) ?? ""
            guard PasswordHasher.owasp.verify(password, against: customer.passwordHash) else {
                return try enabledPage(problem: "That password is not right.", status: 403).response(form.shopper, context)
            }
            try store.disableTOTP(customerID: customer.id)
            return try AccountPage.message(
                "Two-step sign-in is off", "You sign in with your password or an emailed code alone.", link: ("/fn/account", "Your account")
            ).response(form.shopper, context)
        }
        let typed = try form.text("secret")
        guard typed.utf8.count == 32, let secret = TOTPSecret(base32: typed), secret.bytes.count == TOTPSecret.length else {
            throw HTTPError(400, "This form is damaged. Reload the page and try again.", log: "two-factor secret malformed")
        }
        guard try store.totp(customerID: customer.id) == nil else { return .redirect(to: path) }
        guard let step = TOTP.verify(try form.text("code"), secret: secret, at: now, after: nil) else {
            let problem = "That code is not right. Type the 6 digits your app shows now."
            return try enrolPage(secret, for: customer, context, problem: problem, status: 422).response(form.shopper, context)
        }
        let codes = RecoveryCodes.generate(using: context.random)
        try store.enableTOTP(
            customerID: customer.id, secret: try TOTPSealing.seal(secret, context), step: step, recoveryHashes: codes.map(Digest.sha256Hex))
        return try AccountPage(
            template: "account-two-factor", title: "Two-step sign-in", path: path, values: ["recovery_codes": codes, "enabled_now": true]
        ).response(form.shopper, context)
    }

    static func enrolPage(
        _ secret: TOTPSecret, for customer: Customer, _ context: FunctionContext, problem: String? = nil, status: Int = 200
    ) throws -> AccountPage {
        let uri = secret.otpauthURI(issuer: context.config.name, account: customer.email)
        let qr = try QRCode(encoding: uri).svg(title: "QR code to scan with your authenticator app")
        var values: [String: Any] = ["action": path, "enrol": true, "secret": secret.base32, "qr": qr]
        if let problem { values["problem"] = problem }
        return AccountPage(template: "account-two-factor", title: "Two-step sign-in", path: path, values: values, status: status)
    }

    static func enabledPage(problem: String? = nil, status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path, "enabled": true]
        if let problem { values["problem"] = problem }
        return AccountPage(template: "account-two-factor", title: "Two-step sign-in", path: path, values: values, status: status)
    }
}
