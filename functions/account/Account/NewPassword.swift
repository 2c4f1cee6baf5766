import ShelfAuth
import ShelfConfig
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// The reset link: choose a new password. Saving it uses the link, ends every session of the
/// account and emails "your password was changed".
enum NewPassword {
    static let path = "/fn/account/reset/new"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let query = try request.queryFields()
        guard let hash = try AccountLink.hash(in: query),
            try store.customer(tokenHash: hash, purpose: .reset, now: context.clock.now()) != nil,
            let token = try query.optional("token")
        else { return try LinkProblem.page.response(nil, context) }
        let shopper = try ShopperSession.findOrStart(request, context, in: store)
        return try form(link: token).response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let typed = try form.text("password")
        guard let hash = try AccountLink.hash(in: form.fields), let link = try form.fields.optional("token") else {
            return try LinkProblem.page.response(form.shopper, context)
        }
        if let problem = PasswordPolicy.problem(with: typed) {
            return try self.form(link: link, problems: [("password", problem)], status: 422).response(form.shopper, context)
        }
        guard let password = PasswordPolicy.normalized(typed) else {
            return try self.form(link: link, status: 422).response(form.shopper, context)
        }
        let phc = try PasswordHasher.owasp.hash(password)
        guard try store.resetPassword(tokenHash: hash, passwordHash: phc, now: context.clock.now()) != nil else {
            return try LinkProblem.page.response(form.shopper, context)
        }
        return .redirect(to: Login.path + "?changed=1")
    }

    private static func form(link: String, problems: [(field: String, message: String)] = [], status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path, "link": link]
        FormProblems.add(problems, to: &values)
        return AccountPage(template: "account-new-password", title: "Choose a new password", path: path, values: values, status: status)
    }
}
