import ShelfConfig
import ShelfHTTP
import ShelfStore

/// The session a change from a function-rendered form acts in: it must exist and the form must
/// carry its token.
enum WishlistSession {
    static func checked(_ request: Request, _ fields: Fields, _ context: FunctionContext, _ store: Store) throws -> ShopperSession {
        let shopper = try ShopperSession.find(request, context, in: store)
        try FormToken.check(request, fields, sessionHash: shopper?.tokenHash, key: context.formTokenKey)
        guard let shopper else { throw HTTPError(403, "Your session has expired. Please reload the page.", log: "no session") }
        return shopper
    }
}
