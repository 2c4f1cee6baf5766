import ShelfAuth
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// The shopper's data (GDPR): a download of everything the store keeps about the account, and
/// deleting the account, confirmed by its password.
enum PersonalData {
    /// `data.json`: the account, its saved addresses, its orders with their lines, the emails sent to its address, and its
    /// newsletter subscription with its consent records.
    static func download(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store), let customer = try store.customer(in: shopper.session)
        else { throw HTTPError(403, "Log in to download your data.", log: "data.json without a login") }
        var response = Response.json(try export(customer, store))
        response.setHeader("Cache-Control", "no-store")
        response.setHeader("Content-Disposition", "attachment; filename=\"my-data.json\"")
        return response
    }

    static func export(_ customer: Customer, _ store: Store) throws -> JSON {
        let orders = try store.orderHistory(ofCustomer: customer.id).compactMap { try store.order($0.id) }.map(order)
        let mail = try store.mail(to: customer.email).map { message -> JSON in
            .object([
                ("recipient", .string(message.recipient)), ("template", .string(message.email.rawValue)),
                ("subject", message.subject.map(JSON.string) ?? .null), ("created_at", .number(String(message.createdAt))),
                ("sent_at", message.sentAt.map { .number(String($0)) } ?? .null), ("status", .string(message.status.rawValue)),
            ])
        }
        let account: JSON = .object([
            ("email", .string(customer.email)), ("name", .string(customer.name)), ("role", .string(customer.role.rawValue)),
            ("created_at", .number(String(customer.createdAt))),
            ("confirmed_at", customer.confirmedAt.map { .number(String($0)) } ?? .null),
        ])
        let addresses = try store.savedAddresses(ofCustomer: customer.id).map { saved -> JSON in
            let address = saved.address
            return .object([
                ("name", .string(address.name)), ("street", .string(address.street)), ("street2", .string(address.street2)),
                ("city", .string(address.city)), ("postal_code", .string(address.postalCode)), ("country", .string(address.country)),
                ("phone", .string(address.phone)), ("default", .bool(saved.isDefault)),
            ])
        }
        return .object([
            ("account", account), ("addresses", .array(addresses)), ("orders", .array(orders)), ("emails", .array(mail)),
            ("subscription", try subscription(customer, store)),
        ])
    }

    /// The mailing list's record of the account's address, with every consent it gave; null
    /// when it never signed up, or while the account has not proved the address is its own.
    static func subscription(_ customer: Customer, _ store: Store) throws -> JSON {
        guard customer.isConfirmed, let subscriber = try store.subscriber(email: customer.email) else { return .null }
        let time = { (seconds: Int64?) -> JSON in seconds.map { .number(String($0)) } ?? .null }
        let consents = try store.consents(email: customer.email).map { consent -> JSON in
            .object([
                ("source", .string(consent.request.source)), ("wording", .string(consent.request.wording)),
                ("topics", .array(consent.request.topics.map(JSON.string))), ("sku", consent.request.sku.map(JSON.string) ?? .null),
                ("given_at", time(consent.givenAt)), ("confirmed_at", time(consent.confirmedAt)),
            ])
        }
        return .object([
            ("status", .string(subscriber.status.rawValue)), ("topics", .array(subscriber.topics.map(JSON.string))),
            ("created_at", time(subscriber.createdAt)), ("confirmed_at", time(subscriber.confirmedAt)),
            ("unsubscribed_at", time(subscriber.unsubscribedAt)), ("consents", .array(consents)),
        ])
    }

    static func order(_ details: OrderDetails) -> JSON {
        let order = details.order
        let address = order.address
        let lines = details.lines.map { line -> JSON in
            .object([
                ("sku", .string(line.sku)), ("title", .string(line.title)), ("options", .string(line.options)),
                ("quantity", .number(String(line.quantity))), ("unit_price", money(line.unitPrice)), ("line_total", money(line.lineTotal)),
            ])
        }
        return .object([
            ("number", .string(order.number.description)), ("status", .string(order.status.rawValue)),
            ("created_at", .number(String(order.createdAt))), ("total", money(order.amounts.total)),
            (
                "address",
                .object([
                    ("email", .string(address.email)), ("name", .string(address.name)), ("street", .string(address.street)),
                    ("street2", .string(address.street2)), ("city", .string(address.city)), ("postal_code", .string(address.postalCode)),
                    ("country", .string(address.country)), ("phone", .string(address.phone)),
                ])
            ),
            ("lines", .array(lines)),
        ])
    }

    /// Money as `{"minor": 2500, "currency": "EUR"}`: integers, never floating point.
    static func money(_ amount: Money) -> JSON {
        .object([("minor", .number(String(amount.minorUnits))), ("currency", .string(amount.currency.code))])
    }

    /// Erases the account (``Store/eraseCustomer(_:now:)``, as `shelf customers delete` does) when
    /// the password is right; a goodbye page follows, and the cookie is told to go (its session
    /// no longer exists).
    static func delete(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try Settings.loggedIn(request, context)
        let password = PasswordPolicy.normalized(try form.text("delete_password")) ?? ""
        guard PasswordHasher.owasp.verify(password, against: customer.passwordHash) else {
            return try Settings.page(customer, store, form.shopper, context, problems: [("delete_password", "The password is not right")])
        }
        try store.eraseCustomer(customer.id, now: context.clock.now())
        context.log("account deleted by its owner")
        var response = try AccountPage.message(
            "Your account is deleted",
            "We have erased your account, its sessions and addresses. Orders stay in our accounts without your name, address or email. Goodbye, and thank you.",
            link: ("/", "Back to the shop")
        ).response(nil, context)
        response.setHeader("Set-Cookie", SessionCookie.clearCookie(https: request.head.isHTTPS))
        return response
    }
}
