import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Step 1: email, name and shipping address. A mistake re-renders the form with what the
/// shopper typed and, per field, what to fix.
enum AddressStep {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        switch try CheckoutState.load(request, context) {
        case .elsewhere(let response): return response
        case .ready(let state):
            context.record(AnalyticsEvent(.checkoutStart), for: request)
            return try render(state, address: state.draft.address, problems: [])
        }
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard case .ready(var state) = try CheckoutState.load(request, context) else { return .redirect(to: "/fn/cart") }
        let fields = try request.fields()
        try state.checkToken(fields, request)
        var address = Address()
        for field in Address.fields { address[field.name] = try fields.optional(field.name) ?? "" }
        let problems = address.problems(countries: state.settings.countries)
        guard problems.isEmpty else { return try render(state, address: address, problems: problems, status: 422) }
        if address.country != state.draft.address.country { state.draft.shippingID = nil }
        state.draft.address = address
        try state.save()
        context.record(AnalyticsEvent(.checkoutStep, detail: "address"), for: request)
        return .redirect(to: "/fn/checkout/shipping")
    }

    static func render(
        _ state: CheckoutState, address: Address, problems: [(field: String, message: String)], status: Int = 200
    ) throws -> Response {
        let fields = Address.fields.map { field -> [String: Any] in
            var values: [String: Any] = [
                "name": field.name, "label": field.label, "required": field.required, "autocomplete": field.autocomplete,
                "value": address[field.name], "type": field.name == "email" ? "email" : field.name == "phone" ? "tel" : "text",
                "half": ["city", "postal_code", "country", "phone"].contains(field.name),
            ]
            if let problem = problems.first(where: { $0.field == field.name }) { values["error"] = problem.message }
            if field.name == "country" {
                values["is_country"] = true
                values["options"] = state.settings.countries.map { code -> [String: Any] in
                    ["code": code, "name": CountryNames.name(of: code) ?? code, "selected": code == address.country]
                }
            }
            return values
        }
        var values: [String: Any] = ["fields": fields]
        if !problems.isEmpty {
            values["has_errors"] = true
            values["errors"] = problems.map { ["field": $0.field, "message": $0.message] }
        }
        return try CheckoutPage.render(.address, state, values: values, status: status)
    }
}
