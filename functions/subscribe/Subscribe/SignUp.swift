import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Signing up for the newsletter or a back-in-stock email. A valid address always gets the
/// same page, whether it is new, pending or confirmed, and whether an email went out (the
/// daily limit per address), so the page tells nobody who is subscribed.
enum SignUp {
    static let path = "/fn/subscribe"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.queryFields()
        return try form(sku: try fields.optional("sku") ?? "").response(context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let typed = try fields.optional("email") ?? ""
        let sku = try fields.optional("sku")?.trimmingSpaces ?? ""
        guard let source = SignUpForm(rawValue: try fields.optional("form") ?? (sku.isEmpty ? "footer" : "back-in-stock")) else {
            throw HTTPError(400, "This form is not one of the store's sign-up forms.", log: "unknown sign-up form")
        }
        let store = try context.store()
        let kept = typed.trimmingCharacters(in: " \t")
        if let problem = EmailAddress.problem(with: typed) {
            return try form(email: kept, sku: sku, problem: problem).response(context)
        }
        if !sku.isEmpty, try store.sellableVariant(sku: sku)?.isPublished != true {
            throw HTTPError(404, "This product cannot be found.", log: "back-in-stock sign-up for unknown SKU")
        }
        let asked = SubscriptionRequest(
            source: sku.isEmpty ? source.rawValue : SignUpForm.backInStock.rawValue,
            wording: sku.isEmpty ? source.wording : SignUpForm.backInStock.wording,
            topics: sku.isEmpty ? context.config.newsletterTopics.map(\.id) : [], sku: sku.isEmpty ? nil : sku)
        let (token, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
        let outcome = try store.requestSubscription(
            email: kept, asked, confirmation: token, client: request.head.clientAddress, now: context.clock.now())
        context.log("subscribe: \(outcome)")
        if outcome == .clientLimited {
            return try SubscribePage.message(
                "Too many sign-ups", "Too many sign-ups came from your network in the last hour. Please try again later.", status: 429
            ).response(context)
        }
        let what = sku.isEmpty ? "your subscription" : "that you want an email when this item is back"
        return try SubscribePage.message(
            "Check your email",
            "If \(kept.lowercased()) still needs to confirm, we have sent it an email. Follow its link within two days to confirm \(what); until then we send nothing else."
        ).response(context)
    }

    private static func form(email: String = "", sku: String = "", problem: String? = nil) -> SubscribePage {
        var values: [String: Any] = ["action": path, "email": email, "wording": SignUpForm.page.wording]
        if !sku.isEmpty { values["sku"] = sku }
        if let problem {
            values["email_error"] = problem
            values["has_errors"] = true
        }
        return SubscribePage(
            template: "subscribe", title: "Sign up for our newsletter", path: path, values: values, status: problem == nil ? 200 : 422)
    }
}
