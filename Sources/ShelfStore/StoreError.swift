/// Why the store refused an operation, worded for the merchant who has to fix it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No variant has this SKU.
    case unknownSKU(String)
    /// Lines of a stock import name SKUs that no variant has; nothing was imported.
    case unknownSKUs([StockImport])
    /// A stock level below zero was asked for.
    case negativeStock(sku: String, quantity: Int)
    /// Taking `-change` units would leave fewer than zero; `onHand` is the current level.
    case insufficientStock(sku: String, onHand: Int, change: Int)
    /// A stock level above ``Store/maxOnHand`` was asked for (`quantity`, or `Int.max` when
    /// larger than any number).
    case tooMuchStock(sku: String, quantity: Int)
    /// Orders hold more of `sku` than the `quantity` on hand asked for: `reserved` for orders
    /// awaiting payment, `allocated` for paid ones.
    case stockHeld(sku: String, quantity: Int, reserved: Int, allocated: Int)
    /// Two products of a catalogue share a handle.
    case duplicateProduct(String)
    /// Two variants of a catalogue share a SKU; `products` are the handles that use it.
    case duplicateSKU(String, products: [String])
    /// A product names a category the catalogue does not declare.
    case unknownCategory(String, product: String)

    public var description: String {
        switch self {
        case .unknownSKU(let sku):
            "unknown SKU \"\(sku)\"; run shelf stock list to see the SKUs"
        case .unknownSKUs(let lines):
            (lines.map { "\($0.file):\($0.line): unknown SKU \"\($0.sku)\"" }
                + ["nothing was imported; run shelf stock list to see the SKUs"]).joined(separator: "\n")
        case .negativeStock(let sku, let quantity):
            "cannot set the stock of \"\(sku)\" to \(quantity); stock must be zero or more"
        case .tooMuchStock(let sku, let quantity):
            "cannot bring the stock of \"\(sku)\" to \(quantity == Int.max ? "that" : "\(quantity)"); "
                + "the store keeps at most \(Store.maxOnHand) units of one SKU on hand"
        case .insufficientStock(let sku, let onHand, let change):
            "cannot take \(change.magnitude) of \"\(sku)\": only \(onHand) on hand"
        case .stockHeld(let sku, let quantity, let reserved, let allocated):
            "cannot bring the stock of \"\(sku)\" to \(quantity): orders hold \(reserved + allocated) "
                + "(\(reserved) reserved for orders awaiting payment, \(allocated) allocated to paid orders); "
                + "keep at least \(reserved + allocated) on hand, or cancel orders first"
        case .duplicateProduct(let handle):
            "two products have the handle \"\(handle)\"; every product needs its own handle"
        case .duplicateSKU(let sku, let products):
            "SKU \"\(sku)\" is used more than once (by \(products.map { "\"\($0)\"" }.joined(separator: " and "))); every variant needs its own SKU"
        case .unknownCategory(let category, let product):
            "product \"\(product)\" is in category \"\(category)\", which is not declared; add it to the categories in shelf.toml"
        }
    }
}
