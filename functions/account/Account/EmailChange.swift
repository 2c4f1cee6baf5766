import ShelfAuth
import ShelfConfig
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// Changing the account's email: the password confirms it is the owner, a link sent to the new
/// address confirms the address, and the old address is told once it changed. Until the link
/// is followed the account keeps its old email.
enum EmailChange {
    static func request(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try Settings.loggedIn(request, context)
        let (email, problem) = try form.email()
        if let problem { return try Settings.page(customer, store, form.shopper, context, problems: [("email", problem)]) }
        let password = PasswordPolicy.normalized(try form.text("email_password")) ?? ""
        guard PasswordHasher.owasp.verify(password, against: customer.passwordHash) else {
            return try Settings.page(customer, store, form.shopper, context, problems: [("email_password", "The password is not right")])
        }
        if Customer.normalize(email: email) != customer.email {
            let (link, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
            let queued = try store.requestEmailChange(of: customer.id, to: email, link: link, now: context.clock.now())
            context.log("email change: \(queued ? "link queued" : "address already has an account, told by email")")
        }
        return .redirect(to: AccountHome.path + "?done=email")
    }

    static func confirm(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let hash = try AccountLink.hash(in: try request.queryFields()),
            try store.confirmEmailChange(tokenHash: hash, now: context.clock.now()) != nil
        else { return try LinkProblem.page.response(nil, context) }
        return try AccountPage.message(
            "Your email address was changed", "Your account now uses the new address; log in with it from now on.",
            link: (AccountHome.path, "Go to your account")
        ).response(nil, context)
    }
}
