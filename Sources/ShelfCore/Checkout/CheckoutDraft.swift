/// A checkout in progress: what the shopper typed and chose so far. Amounts are never kept here:
/// every step prices the cart again.
public struct CheckoutDraft: Hashable, Sendable {
    public var address: Address
    public var shippingID: String?
    /// The applied discount code, upper case.
    public var code: String?

    public init(address: Address = Address(), shippingID: String? = nil, code: String? = nil) {
        self.address = address
        self.shippingID = shippingID
        self.code = code
    }
}
