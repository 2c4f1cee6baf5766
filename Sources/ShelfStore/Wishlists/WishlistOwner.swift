/// Whose wish list: a logged-in shopper's account, or a guest's session.
public enum WishlistOwner: Sendable, Hashable {
    case customer(Int64)
    case session(Int64)

    /// The list of whoever is on `session`: its account when someone is logged in, else the session.
    public init(_ session: Session) {
        self = session.customerID.map { .customer($0) } ?? .session(session.id)
    }

    /// The `WHERE` condition that picks the owner's rows, and its argument.
    var condition: (sql: String, argument: SQLValue) {
        switch self {
        case .customer(let id): ("customer_id = ?", .integer(id))
        case .session(let id): ("session_id = ?", .integer(id))
        }
    }
}
