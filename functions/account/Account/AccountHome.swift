import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The account page of a logged-in shopper, and the header's `account.json`.
enum AccountHome {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store), let customer = try store.customer(in: shopper.session)
        else { return .redirect(to: Login.path) }
        return try AccountPage(template: "account", title: "Your account", path: "/fn/account", values: ["name": customer.name])
            .response(shopper, context)
    }

    /// `{"name": "Ann"}`, or `{"name": null}` when no one is logged in; never starts a session.
    static func json(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let customer = try ShopperSession.find(request, context, in: store).flatMap { try store.customer(in: $0.session) }
        var response = Response.json(.object([("name", customer.map { .string($0.name) } ?? .null)]))
        response.setHeader("Cache-Control", "no-store")
        return response
    }
}
