import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Saved addresses on the dashboard: add, edit, remove, one default (which checkout fills in).
/// The fields and their checks are the checkout's (``Address``); the email is the account's.
enum Addresses {
    static func save(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try Settings.loggedIn(request, context)
        var address = Address()
        for field in Address.fields where field.name != "email" { address[field.name] = try form.text(field.name) }
        address.email = customer.email
        let problems = address.problems(countries: context.config.checkout.countries)
        let id = try form.text("id").isEmpty ? nil : Int64(try form.text("id"))
        guard problems.isEmpty else {
            var values = try AccountHome.dashboard(customer, store, context, editing: address, id: id, problems: problems)
            values["address_errors"] = problems.map { ["field": $0.field, "message": $0.message] }
            return try AccountPage(template: "account", title: "Your account", path: AccountHome.path, values: values, status: 422)
                .response(form.shopper, context)
        }
        address.email = ""
        let makeDefault = try form.text("default") == "yes"
        guard try store.saveAddress(address, id: id, makeDefault: makeDefault, for: customer.id, now: context.clock.now()) else {
            throw HTTPError(404, "That address is no longer there.", log: "no address \(id.map(String.init) ?? "?") for the account")
        }
        return .redirect(to: AccountHome.path + "?done=address")
    }

    static func remove(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (form, customer, store) = try Settings.loggedIn(request, context)
        guard let id = Int64(try form.text("id")) else { throw HTTPError(400, "Choose an address to remove.", log: "bad address id") }
        try store.removeAddress(id, of: customer.id)
        return .redirect(to: AccountHome.path + "?done=address")
    }

    /// The saved addresses and the address form (empty, or the one being edited) for the template.
    static func values(
        _ saved: [SavedAddress], editing: Address, id: Int64?, countries: [String], problems: [(field: String, message: String)]
    ) -> [String: Any] {
        let list = saved.map { entry -> [String: Any] in
            [
                "id": String(entry.id), "lines": entry.address.lines.filter { !$0.isEmpty }, "is_default": entry.isDefault,
                "edit_href": "\(AccountHome.path)?edit=\(entry.id)#address-form",
            ]
        }
        let fields = Address.fields.filter { $0.name != "email" }.map { field -> [String: Any] in
            var values: [String: Any] = [
                "name": field.name, "label": field.label, "required": field.required, "autocomplete": field.autocomplete,
                "value": editing[field.name], "type": field.name == "phone" ? "tel" : "text",
            ]
            if let problem = problems.first(where: { $0.field == field.name }) { values["error"] = problem.message }
            if field.name == "country" {
                values["is_country"] = true
                values["options"] = countries.map { code -> [String: Any] in
                    ["code": code, "name": CountryNames.name(of: code) ?? code, "selected": code == editing.country]
                }
            }
            return values
        }
        var values: [String: Any] = ["addresses": list, "has_addresses": !list.isEmpty, "address_fields": fields]
        if let id { values["address_id"] = String(id) }
        return values
    }
}
