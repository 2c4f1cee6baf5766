import ShelfAuth
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// Creating an account. The answer to a valid form is the same page whether the address is new
/// or already has an account (which is emailed instead), and the password is hashed either way,
/// so neither the words nor the time tell them apart.
enum Registration {
    static let path = "/fn/account/register"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let shopper = try ShopperSession.findOrStart(request, context, in: try context.store())
        return try form().response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let (email, emailProblem) = try form.email()
        let name = try form.text("name").trimmingSpaces
        let typed = try form.text("password")
        var problems: [(field: String, message: String)] = []
        if let emailProblem { problems.append(("email", emailProblem)) }
        if let problem = NameRule.problem(with: name) { problems.append(("name", problem)) }
        if let problem = PasswordPolicy.problem(with: typed) { problems.append(("password", problem)) }
        guard problems.isEmpty, let password = PasswordPolicy.normalized(typed) else {
            return try self.form(email: email, name: name, problems: problems, status: 422).response(form.shopper, context)
        }
        let hash = try PasswordHasher.owasp.hash(password)
        let (token, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
        let created = try store.register(email: email, name: name, passwordHash: hash, confirmation: token, now: context.clock.now())
        context.log("registration: \(created ? "account created" : "address already registered, told by email")")
        if created { context.record(AnalyticsEvent(.accountCreated), for: request) }
        return try AccountPage.message(
            "Check your email",
            "We have sent an email to \(email). Follow the link in it to confirm your address, then log in."
        ).response(form.shopper, context)
    }

    private static func form(
        email: String = "", name: String = "", problems: [(field: String, message: String)] = [], status: Int = 200
    )
        -> AccountPage
    {
        var values: [String: Any] = ["action": path, "email": email, "name": name]
        FormProblems.add(problems, to: &values)
        return AccountPage(template: "account-register", title: "Create an account", path: path, values: values, status: status)
    }
}
