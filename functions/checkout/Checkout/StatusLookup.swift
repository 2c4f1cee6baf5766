import ShelfCore
import ShelfHTTP

/// What the order status form asks for, as the shopper typed it: an order number and the email
/// the order was placed with, and per field what to fix.
struct StatusLookup {
    var number = ""
    var email = ""

    init() {}

    /// Reads the two fields; a field sent twice is a 400.
    init(_ fields: Fields) throws {
        number = try fields.optional("number") ?? ""
        email = try fields.optional("email") ?? ""
    }

    /// The order the number names, whether or not such an order exists.
    var orderNumber: OrderNumber? { OrderNumber(parsing: number.trimmingSpaces) }

    /// The email, trimmed, to compare with the order's.
    var trimmedEmail: String { email.trimmingSpaces }

    /// Every problem, by field; empty when the form can be acted on. CR, LF and NUL are refused
    /// before trimming, so none can reach the email that may follow.
    var problems: [(field: String, message: String)] {
        var found: [(field: String, message: String)] = []
        let number = number.trimmingSpaces
        if number.isEmpty {
            found.append(("number", "Order number is required"))
        } else if orderNumber == nil {
            found.append(("number", "Order number is the digits in your order email, like 1042"))
        }
        if email.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            found.append(("email", "Email contains characters that cannot be used"))
        } else if trimmedEmail.isEmpty {
            found.append(("email", "Email is required"))
        } else if !Address.isEmail(trimmedEmail) {
            found.append(("email", "Email must be an address like name@example.com"))
        }
        return found
    }
}
