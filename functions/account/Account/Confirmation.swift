import ShelfConfig
import ShelfHTTP
import ShelfStore

/// The link of the confirmation email: confirms the address once, then logging in works.
enum Confirmation {
    static func follow(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let hash = try AccountLink.hash(in: try request.queryFields()),
            try store.confirmAccount(tokenHash: hash, now: context.clock.now()) != nil
        else {
            return try LinkProblem.page.response(nil, context)
        }
        return try AccountPage.message(
            "Your email address is confirmed", "Thank you. You can now log in to your account.",
            link: (Login.path, "Log in")
        ).response(nil, context)
    }
}

/// The answer to a link that is unknown, used or expired, whatever the reason.
enum LinkProblem {
    static var page: AccountPage {
        AccountPage.message(
            "This link no longer works",
            "The link has expired or was already used. Links in our emails work once, for a limited time.",
            link: ("/fn/account/login", "Go to the login page"), status: 404)
    }
}
