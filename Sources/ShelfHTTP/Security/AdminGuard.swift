public import ShelfStore

/// The admin a request comes from: their session and their account, read on this request.
public struct Admin: Sendable {
    public var shopper: ShopperSession
    public var customer: Customer
}

/// Lets a request through only when it comes from a logged-in admin; everyone else — a guest,
/// a customer, a session that has expired or whose admin role was revoked — gets the same 404 as
/// an address with nothing at it, so nobody learns that admin pages exist.
///
/// The role is read from the database on every request: `shelf customers revoke-admin` takes
/// effect on the next request of a session already open.
///
/// An admin route also says `access: .admins`, so that the runtime runs this guard before it
/// looks at the method: a POST to a GET-only admin page is a 404 for a non-admin, as on an
/// unknown address, and a 405 only for an admin.
///
/// ```swift
/// Route(.get, "/admin/orders", access: .admins) { request, context in
///     let admin = try requireAdmin(request, context)
///     …
/// }
/// ```
public func requireAdmin(_ request: Request, _ context: FunctionContext) throws -> Admin {
    let store = try context.store()
    guard let shopper = try ShopperSession.find(request, context, in: store) else {
        throw HTTPError.notFound(log: "admin page \(request.path) refused: not logged in")
    }
    guard let customer = try store.customer(in: shopper.session), customer.role == .admin else {
        throw HTTPError.notFound(log: "admin page \(request.path) refused: session \(shopper.session.id) is not an admin's")
    }
    return Admin(shopper: shopper, customer: customer)
}
