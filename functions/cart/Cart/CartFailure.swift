import ShelfCore
import ShelfHTTP
import ShelfStore

/// Turns the store's refusals of a cart change into answers for the shopper.
///
/// The store's messages are already written for shoppers; the status says what kind of refusal
/// it is: 409 when the item cannot be sold now, 400 when the request itself is wrong.
enum CartFailure {
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CartError {
            throw httpError(error)
        }
    }

    static func httpError(_ error: CartError) -> HTTPError {
        switch error {
        case .unavailable, .soldOut: HTTPError(409, error.description, log: "\(error) (\(sku(error) ?? ""))")
        case .sessionExpired: HTTPError(409, error.description, log: "session expired during the change")
        case .tooManyLines(let most): HTTPError(409, error.description, log: "the cart already has \(most) lines")
        case .unknownItem, .quantityNotPositive, .quantityNegative, .quantityTooLarge:
            HTTPError(400, error.description, log: "\(error) (\(sku(error) ?? ""))")
        }
    }

    private static func sku(_ error: CartError) -> String? {
        switch error {
        case .unknownItem(let sku), .unavailable(let sku), .soldOut(let sku): sku
        default: nil
        }
    }
}
