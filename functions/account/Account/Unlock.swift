import ShelfConfig
import ShelfHTTP
import ShelfStore

/// The unlock link. Opening it shows a button; the POST uses the link, so a mail scanner that
/// fetches links does not spend it.
enum Unlock {
    static let path = "/fn/account/unlock"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let query = try request.queryFields()
        guard let hash = try AccountLink.hash(in: query),
            try store.customer(tokenHash: hash, purpose: .unlock, now: context.clock.now()) != nil,
            let token = try query.optional("token")
        else { return try LinkProblem.page.response(nil, context) }
        let shopper = try ShopperSession.findOrStart(request, context, in: store)
        return try AccountPage(
            template: "account-unlock", title: "Unlock your account", path: path, values: ["action": path, "link": token]
        )
        .response(shopper, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        guard let hash = try AccountLink.hash(in: form.fields), try store.unlockAccount(tokenHash: hash, now: context.clock.now()) != nil
        else { return try LinkProblem.page.response(form.shopper, context) }
        return try AccountPage.message(
            "Your account is unlocked", "You can log in again with your password.", link: (Login.path, "Log in")
        ).response(form.shopper, context)
    }
}
