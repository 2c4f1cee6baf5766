import ShelfCore
import ShelfHTTP
import ShelfStore

/// Turns the store's refusals into answers for the shopper: 404 for a product the shop does
/// not sell, 409 for a full list or an item the cart cannot take now, 400 for a wrong request.
enum WishlistFailure {
    @discardableResult
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WishlistError {
            switch error {
            case .unknownProduct(let handle): throw HTTPError(404, error.description, log: "not on sale: \(handle)")
            case .full(let most): throw HTTPError(409, error.description, log: "the wish list already has \(most) items")
            }
        } catch let error as CartError {
            switch error {
            case .unavailable, .soldOut, .sessionExpired, .tooManyLines: throw HTTPError(409, error.description, log: "\(error)")
            case .unknownItem, .quantityNotPositive, .quantityNegative, .quantityTooLarge:
                throw HTTPError(400, error.description, log: "\(error)")
            }
        }
    }
}
