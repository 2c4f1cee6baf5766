import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The "Order status" page linked from the footer: a shopper who lost the email types the order
/// number and email, and the order's status link is emailed to that address.
///
/// The answer never says whether the order exists or the email matched: a valid form always gets
/// the same page, and the same database work is done either way, since
/// ``Store/requestOrderLink(_:email:now:)`` runs for an unknown number too.
enum StatusForm {
    static let path = "/fn/checkout/status"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        // The form carries a token, and a token needs a session.
        let shopper = try ShopperSession.findOrStart(request, context, in: try context.store())
        var response = try render(StatusLookup(), problems: [], sent: false, token: shopper.formToken(context), context)
        if let cookie = shopper.cookie { response.setHeader("Set-Cookie", cookie) }
        return response
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let shopper = try ShopperSession.find(request, context, in: store)
        let fields = try request.fields()
        try FormToken.check(request, fields, sessionHash: shopper?.tokenHash, key: context.formTokenKey)
        guard let shopper else { throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "no session") }
        let token = shopper.formToken(context)
        let lookup = try StatusLookup(fields)
        let problems = lookup.problems
        guard problems.isEmpty, let number = lookup.orderNumber else {
            return try render(lookup, problems: problems, sent: false, token: token, context, status: 422)
        }
        let queued = try store.requestOrderLink(number.id, email: lookup.trimmedEmail, now: context.clock.now())
        context.log("order status link for \(number): \(queued ? "queued" : "not queued (unknown, no match or too many)")")
        return try render(StatusLookup(), problems: [], sent: true, token: token, context)
    }

    private static func render(
        _ lookup: StatusLookup, problems: [(field: String, message: String)], sent: Bool, token: String, _ context: FunctionContext,
        status: Int = 200
    ) throws -> Response {
        var values: [String: Any] = [
            "action": path, "token": token, "sent": sent, "number": lookup.number, "email": lookup.email,
        ]
        for problem in problems { values["\(problem.field)_error"] = problem.message }
        if !problems.isEmpty {
            values["has_errors"] = true
            values["errors"] = problems.map { ["field": $0.field, "message": $0.message] }
        }
        let html = try context.pages().render("order-status", title: "Order status", path: path, values: ["lookup": values])
        return .html(html, status: status)
    }
}
