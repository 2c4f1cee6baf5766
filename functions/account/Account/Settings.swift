import ShelfAuth
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// The dashboard's settings: the name, and the password (which needs the current one; every
/// other session ends and a "your password was changed" email follows).
enum Settings {
    static func changeName(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try loggedIn(request, context)
        let name = try form.text("name").trimmingSpaces
        if let problem = NameRule.problem(with: name) {
            return try page(customer, store, form.shopper, context, problems: [("name", problem)])
        }
        try store.rename(customer: customer.id, to: name)
        return .redirect(to: AccountHome.path + "?done=name")
    }

    static func changePassword(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try loggedIn(request, context)
        let hasher = PasswordHasher.owasp
        let current = PasswordPolicy.normalized(try form.text("current_password")) ?? ""
        guard hasher.verify(current, against: customer.passwordHash) else {
            return try page(customer, store, form.shopper, context, problems: [("current_password", "The current password is not right")])
        }
        let typed = try form.text("new_password")
        if let problem = PasswordPolicy.problem(with: typed) {
            return try page(customer, store, form.shopper, context, problems: [("new_password", problem)])
        }
        guard let password = PasswordPolicy.normalized(typed) else {
            return try page(customer, store, form.shopper, context, problems: [("new_password", "Choose another password")])
        }
        try store.changePassword(
            of: customer.id, to: try hasher.hash(password), keeping: form.shopper.session, now: context.clock.now())
        return .redirect(to: AccountHome.path + "?done=password")
    }

    /// The checked form and its logged-in account; a form from a logged-out session is refused.
    static func loggedIn(_ request: Request, _ context: FunctionContext) throws -> (AccountFields, Customer, Store) {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        guard let customer = try store.customer(in: form.shopper.session) else {
            throw HTTPError(403, "You are logged out. Log in and try again.", log: "settings without a login")
        }
        return (form, customer, store)
    }

    /// The dashboard again, with the form's problems beside their fields (422).
    static func page(
        _ customer: Customer, _ store: Store, _ shopper: ShopperSession, _ context: FunctionContext,
        problems: [(field: String, message: String)]
    ) throws -> Response {
        var values = try AccountHome.dashboard(customer, store, context)
        FormProblems.add(problems, to: &values)
        return try AccountPage(template: "account", title: "Your account", path: AccountHome.path, values: values, status: 422)
            .response(shopper, context)
    }
}

/// A name as accounts keep it: present and at most 100 characters.
enum NameRule {
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "Name is required" }
        if name.count > 100 { return "Name must be at most 100 characters long" }
        return nil
    }
}
