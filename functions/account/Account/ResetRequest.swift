import ShelfConfig
import ShelfHTTP
import ShelfStore

/// Asking for a password reset link: the same answer for any valid address, known or not.
enum ResetRequest {
    static let path = "/fn/account/reset"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let shopper = try ShopperSession.findOrStart(request, context, in: try context.store())
        return try form().response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        let (email, problem) = try form.email()
        if let problem {
            return try self.form(email: email, problems: [("email", problem)], status: 422).response(form.shopper, context)
        }
        let (token, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
        let queued = try store.requestPasswordReset(email: email, link: token, now: context.clock.now())
        context.log("password reset link: \(queued ? "queued" : "not queued (unknown address or too many)")")
        return try AccountPage.message(
            "Check your email",
            "If an account uses \(email), we have sent it a link to choose a new password. The link works for an hour."
        ).response(form.shopper, context)
    }

    private static func form(email: String = "", problems: [(field: String, message: String)] = [], status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["action": path, "email": email]
        FormProblems.add(problems, to: &values)
        return AccountPage(template: "account-reset", title: "Reset your password", path: path, values: values, status: status)
    }
}
