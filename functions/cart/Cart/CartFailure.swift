import ShelfHTTP
import ShelfStore

/// Turns the store's refusals of a cart change into answers for the shopper.
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
        case .unknownSKU(let sku):
            HTTPError(400, "We don't sell a product with that code.", log: "unknown SKU \(sku)")
        case .notAvailable(let sku):
            HTTPError(409, "Sorry, this product is no longer available.", log: "unavailable SKU \(sku)")
        case .soldOut(let sku):
            HTTPError(409, "Sorry, this size is sold out.", log: "sold out \(sku)")
        default:
            HTTPError(400, "The quantity is not valid.", log: "\(error)")
        }
    }
}
