import ShelfHTTP
import ShelfStore

/// `GET /fn/account/admin`: "Admin: NAME", for admins only; anyone else gets the 404 of an
/// address with nothing at it. It stands in for the merchant's pages to come, so that
/// ``requireAdmin(_:_:)`` is tested through the real runtime.
enum AdminHome {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let admin = try requireAdmin(request, context)
        return try AccountPage(template: "account-admin", title: "Admin", path: "/fn/account/admin", values: ["name": admin.customer.name])
            .response(admin.shopper, context)
    }
}
