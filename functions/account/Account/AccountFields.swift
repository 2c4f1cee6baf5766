import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Reads a submitted account form after checking its token against the shopper's session.
struct AccountFields {
    let shopper: ShopperSession
    let fields: Fields

    init(_ request: Request, _ context: FunctionContext, in store: Store) throws {
        let shopper = try ShopperSession.find(request, context, in: store)
        let fields = try request.fields()
        try FormToken.check(request, fields, sessionHash: shopper?.tokenHash, key: context.formTokenKey)
        guard let shopper else { throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "no session") }
        self.shopper = shopper
        self.fields = fields
    }

    /// The field's value, or empty. CR, LF, NUL and other control characters are refused (400):
    /// none may reach an email header or the log.
    func text(_ name: String) throws -> String {
        let value = try fields.optional(name) ?? ""
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw HTTPError(400, "The field \"\(name)\" contains characters that cannot be used.", log: "control character in \(name)")
        }
        return value
    }

    /// The typed email, trimmed, and what is wrong with it.
    func email() throws -> (value: String, problem: String?) {
        let email = try text("email").trimmingSpaces
        if email.isEmpty { return (email, "Email is required") }
        if !EmailAddress.isMailable(email) { return (email, "Email must be an address like name@example.com") }
        return (email, nil)
    }
}
