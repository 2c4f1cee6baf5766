import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The dashboard of a logged-in shopper — orders, addresses, settings, their data — and the
/// header's `account.json`.
enum AccountHome {
    static let path = "/fn/account"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store), let customer = try store.customer(in: shopper.session)
        else { return .redirect(to: Login.path) }
        let query = try request.queryFields()
        let saved = try store.savedAddresses(ofCustomer: customer.id)
        let editing = try query.optional("edit").flatMap(Int64.init).flatMap { id in saved.first { $0.id == id } }
        var values = try dashboard(customer, store, context, editing: editing?.address ?? Address(), id: editing?.id)
        if let notice = try query.optional("done").flatMap(Notices.text(for:)) { values["notice"] = notice }
        return try AccountPage(template: "account", title: "Your account", path: path, values: values).response(shopper, context)
    }

    /// What the dashboard template shows of `customer`.
    static func dashboard(
        _ customer: Customer, _ store: Store, _ context: FunctionContext, editing: Address = Address(), id: Int64? = nil,
        problems: [(field: String, message: String)] = []
    ) throws -> [String: Any] {
        let days = DayFormatter(locale: context.config.locale)
        let orders = try store.orderHistory(ofCustomer: customer.id).map { order -> [String: Any] in
            var values: [String: Any] = [
                "number": order.number.description, "date": days.string(seconds: order.createdAt),
                "status": OrderWords.status(order.status), "total": context.prices.string(order.total),
                "href": OrderLink.path(order.number, key: context.secrets.sessionKey),
            ]
            if order.status == .delivered {
                let lines = try store.reviewableLines(orderID: order.number.id)
                let links = ReviewLink.values(for: lines, key: context.secrets.sessionKey)
                values["reviews"] = lines.compactMap { links[$0.line] }
            }
            return values
        }
        var values: [String: Any] = ["name": customer.name, "email": customer.email]
        values["orders"] = orders
        values["has_orders"] = !orders.isEmpty
        let saved = try store.savedAddresses(ofCustomer: customer.id)
        let countries = context.config.checkout.countries
        values.merge(Addresses.values(saved, editing: editing, id: id, countries: countries, problems: problems)) { $1 }
        values["newsletter"] = try newsletter(customer, store, context)
        values["wishlist_count"] = try store.wishlistCount(of: .customer(customer.id))
        return values
    }

    /// The dashboard's newsletter section: a link to the preference page when the address gets
    /// newsletters, else the sign-up button (the subscribe function's double opt-in applies).
    static func newsletter(_ customer: Customer, _ store: Store, _ context: FunctionContext) throws -> [String: Any] {
        guard customer.isConfirmed, let subscriber = try store.subscriber(email: customer.email), subscriber.status == .confirmed,
            !subscriber.topics.isEmpty
        else { return ["subscribed": false] }
        let names = context.config.newsletterTopics.filter { subscriber.topics.contains($0.id) }.map(\.name)
        let token = SubscriberLink.token(for: subscriber, key: context.secrets.sessionKey)
        return ["subscribed": true, "topics": names.joined(separator: ", "), "preferences": SubscriberLink.preferencesPath(token)]
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
