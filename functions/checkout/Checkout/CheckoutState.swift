import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Everything a checkout step works from, read fresh on every request: the shopper's session,
/// the cart's lines as the catalogue prices them now, and the checkout in progress (address,
/// shipping method, code) kept in the database.
struct CheckoutState {
    /// A loaded checkout, or the answer for a shopper who has none (no session, an empty cart).
    enum Loaded {
        case ready(CheckoutState)
        case elsewhere(Response)
    }

    let context: FunctionContext
    let store: Store
    let shopper: ShopperSession
    let lines: [CartLine]
    var draft: CheckoutDraft
    /// Said once at the top of the step: a code that stopped working, a method that no longer ships.
    var notice: String?
    /// Why the code just typed was refused, from the redirect after the code form.
    var codeError: String?
    /// The campaign discounts and code this cart gets at this request's moment.
    var discounts: CartDiscounts

    /// The state of this request's checkout; a shopper without a session or with an empty cart
    /// is sent to the cart page instead.
    static func load(_ request: Request, _ context: FunctionContext) throws -> Loaded {
        let store = try context.store()
        try store.expireOrders(now: context.clock.now())
        guard let shopper = try ShopperSession.find(request, context, in: store) else {
            return .elsewhere(.redirect(to: "/fn/cart"))
        }
        let lines = try store.cartLines(in: shopper.session)
        guard !lines.isEmpty else { return .elsewhere(.redirect(to: "/fn/cart")) }
        var draft = try store.checkoutDraft(in: shopper.session) ?? CheckoutDraft()
        // A logged-in shopper who has typed no address yet starts from their default one.
        if draft.address == Address(), let customer = try store.customer(in: shopper.session),
            let saved = try store.defaultAddress(ofCustomer: customer.id)
        {
            draft.address = saved.address
            draft.address.email = customer.email
        }
        var state = CheckoutState(
            context: context, store: store, shopper: shopper, lines: lines, draft: draft, discounts: .none(context.config.currency))
        state.codeError = DiscountError.message(code: try request.queryFields().optional("code_error"))
        try state.dropWhatNoLongerApplies()
        state.discounts = try CartDiscounts(
            lines, store: store, code: state.draft.code, configCode: state.code, now: context.clock.now(), currency: context.config.currency
        )
        return .ready(state)
    }

    var settings: CheckoutSettings { context.config.checkout }
    var currency: Currency { context.config.currency }

    var subtotal: Money { lines.reduce(.zero(currency)) { $0 + $1.lineTotal } }

    /// True when step 1 has been completed with an address that still checks.
    var hasAddress: Bool {
        var address = draft.address
        return address.problems(countries: settings.countries).isEmpty
    }

    /// The shipping methods to the draft's country.
    var shippingMethods: [ShippingMethod] { ShippingMethod.available(settings.shipping, to: draft.address.country) }

    /// The chosen method, when it still ships to the chosen country.
    var shippingMethod: ShippingMethod? {
        shippingMethods.first { $0.id == draft.shippingID }
    }

    var taxRule: TaxRule? { settings.taxes.entry(for: draft.address.country) { $0.countries } }

    /// The draft's code, if it still applies to this cart today.
    var code: DiscountCode? {
        guard let typed = draft.code else { return nil }
        return try? DiscountCode.find(typed, in: settings.codes, subtotal: subtotal, today: today)
    }

    var today: String { CalendarDay.of(context.clock.now()) }

    /// The amounts of the order as it stands (shipping left out until a method is chosen).
    var quote: Quote {
        Quote(
            lines: lines.map { Quote.Line(unitPrice: $0.variant.price, quantity: $0.quantity) }, shipping: shippingMethod,
            tax: hasAddress ? taxRule : nil, mode: settings.taxMode, discounts: discounts.outcome)
    }

    /// Forgets a code that stopped applying and a method that no longer ships there, saying so.
    private mutating func dropWhatNoLongerApplies() throws {
        if let typed = draft.code {
            do {
                _ = try store.acceptCode(typed, configCodes: settings.codes, lines: lines, now: context.clock.now(), currency: currency)
            } catch let error as DiscountError {
                notice = "The code \(typed) no longer applies: \(CodeForm.reason(error, prices: context.prices))"
                draft.code = nil
                try? store.saveCheckoutDraft(draft, in: shopper.session, now: context.clock.now())
            }
        }
        if draft.shippingID != nil, shippingMethod == nil { draft.shippingID = nil }
    }

    /// Saves the draft; the next step reads it back.
    func save() throws {
        try store.saveCheckoutDraft(draft, in: shopper.session, now: context.clock.now())
    }

    /// The form token of the session; every checkout form carries it.
    var token: String { shopper.formToken(context) }

    /// Throws 403 unless the form came with this session's token.
    func checkToken(_ fields: Fields, _ request: Request) throws {
        try FormToken.check(request, fields, sessionHash: shopper.tokenHash, key: context.formTokenKey)
    }
}
