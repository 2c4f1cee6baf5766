import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The one erasure behind the dashboard's "Delete my account" and `shelf customers delete`.
struct CustomerErasureTests {
    /// Ann's personal data as typed into her orders, checkouts and account.
    static let traces = ["ann@example.com", "ann@new.example", "Ann Murphy", "555 0199", "7 Quay Street"]

    @Test func erasingAnAccountLeavesNoTraceOfThePersonAndKeepsItsOrdersForAccounting() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try Self.annWithEverything(in: store)
            let orders = try ["Ann@Example.com", "ann@example.com"].map { try Self.order(for: $0, in: store) }
            let other = try Self.order(for: "ada@example.com", in: store, address: .sample)
            let totals = try orders.map { try #require(try store.order($0.id)).order.amounts }
            // The first order's confirmation went out; the second's is still pending.
            let sent = try #require(try store.mail().first { $0.orderID == orders[0].id })
            try store.markMailSent(sent.id, now: 400)
            // A guest checkout typed with Ann's address, in another browser.
            let guest = try store.createSession(tokenHash: sampleTokenHash(40), now: 400, lifetime: 86_400)
            var draft = CheckoutDraft()
            draft.address = Self.annsAddress
            draft.address.email = "ANN@example.com"
            try store.saveCheckoutDraft(draft, in: guest, now: 400)
            try store.startPendingLogin(customerID: ann.id, remember: false, in: guest, now: 400)

            let erasure = try #require(try store.eraseCustomer(ann.id, now: 500))
            #expect(erasure.customer.id == ann.id)
            #expect(erasure.sessionsEnded == 1)
            #expect(erasure.ordersKept == orders.map(\.id))
            #expect(erasure.emailsErased == 5, "confirmation, reset link, sign-in code, email-change link, unlock link")
            #expect(erasure.emailsCancelled == 1, "the second order's confirmation")

            #expect(try store.customer(email: "ann@example.com") == nil)
            for table in [
                "customers", "account_tokens", "addresses", "sign_in_codes", "recovery_codes", "pending_logins", "login_failures",
                "cart_lines", "checkout_drafts",
            ] {
                #expect(try store.database.query("SELECT COUNT(*) AS n FROM \(table)")[0].int("n") == 0, "\(table) is empty")
            }
            #expect(try store.session(tokenHash: sampleTokenHash(2), now: 450) == nil)
            #expect(try store.session(tokenHash: sampleTokenHash(40), now: 450) != nil, "the guest's session stays")
            for (order, amounts) in zip(orders, totals) {
                let kept = try #require(try store.order(order.id))
                #expect(kept.order.amounts == amounts)
                #expect(kept.lines.map(\.sku) == ["TEE-M"])
                let address = kept.order.address
                #expect(address.name == Store.ErasedOrder.name)
                #expect(address.email == Store.ErasedOrder.email)
                #expect(address.street == Store.ErasedOrder.street)
                #expect(address.city == Store.ErasedOrder.city)
                #expect([address.street2, address.postalCode, address.phone] == ["", "", ""])
                #expect(address.country == "IE", "the country stays: tax is accounted by it")
            }
            #expect(try store.order(other.id)?.order.address.email == "ada@example.com")

            let mail = try store.mail()
            let annsOrders = mail.filter { $0.orderID.map(orders.map(\.id).contains) == true }
            #expect(annsOrders.map(\.recipient) == [Store.ErasedOrder.email, Store.ErasedOrder.email])
            #expect(annsOrders.map(\.status) == [.failed, .sent], "the pending one is cancelled, the sent one stays as a record")
            #expect(mail.filter { $0.orderID == nil }.isEmpty, "no account email is left")
            #expect(mail.filter { $0.recipient == "ada@example.com" }.map(\.status) == [.pending])
            #expect(try Self.everything(in: store).filter { text in Self.traces.contains { text.contains($0) } } == [])
        }
    }

    @Test func anEmailAboutAnErasedOrderIsRecordedAsNeverSent() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try Self.annWithEverything(in: store)
            let order = try Self.order(for: "ann@example.com", in: store)
            try store.eraseCustomer(ann.id, now: 500)
            #expect(try store.requestOrderLink(order.id, email: Store.ErasedOrder.email, now: 600))
            let link = try #require(try store.mail().first { $0.email == .orderLink })
            #expect(link.status == .failed)
            #expect(try store.dueMail(now: 700, includingRetries: true).isEmpty)
        }
    }

    @Test func erasingAnUnconfirmedAccountLeavesTheOrdersOfItsAddressAlone() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: Self.token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            let order = try Self.order(for: "ann@example.com", in: store)
            let erasure = try #require(try store.eraseCustomer(ann.id, now: 500))
            #expect(erasure.ordersKept.isEmpty)
            #expect(erasure.emailsCancelled == 0)
            #expect(try store.order(order.id)?.order.address.name == "Ann Murphy")
            #expect(try store.mail().map(\.email) == [.orderConfirmation], "the confirmation link is erased, the order's email is not")
            #expect(try store.customer(email: "ann@example.com") == nil)
        }
    }

    @Test func erasingAnUnknownAccountChangesNothing() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let order = try Self.order(for: "ann@example.com", in: store)
            #expect(try store.eraseCustomer(42, now: 500) == nil)
            #expect(try store.order(order.id)?.order.address.email == "ann@example.com")
        }
    }

    @Test func theAddressIsFreeToRegisterAgain() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try Self.annWithEverything(in: store)
            try store.eraseCustomer(ann.id, now: 500)
            #expect(try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: Self.token(50), now: 600))
        }
    }

    // MARK: - An account with one of everything

    static func token(_ seed: Int) -> AccountToken {
        AccountToken(hash: sampleTokenHash(seed), nonce: "nonce-\(seed)")
    }

    static var annsAddress: Address {
        var address = Address.sample
        address.email = "ann@example.com"
        address.name = "Ann Murphy"
        address.street = "7 Quay Street"
        address.street2 = "Flat 2"
        address.phone = "+353 1 555 0199"
        return address
    }

    /// Ann, confirmed and logged in with a cart, a saved address, TOTP with recovery codes, an
    /// emailed sign-in code, a reset link, an email change asked for and a failed login.
    static func annWithEverything(in store: Store) throws -> Customer {
        try store.register(email: "ann@example.com", name: "Ann Murphy", passwordHash: "phc", confirmation: token(1), now: 100)
        _ = try store.confirmAccount(tokenHash: sampleTokenHash(1), now: 100)
        let ann = try #require(try store.customer(email: "ann@example.com"))
        let session = try store.logIn(ann.id, tokenHash: sampleTokenHash(2), replacing: nil, now: 200, lifetime: 86_400)
        try store.addToCart("TEE-M", quantity: 1, in: session, now: 200, maxPerLine: 10)
        _ = try store.saveAddress(annsAddress, id: nil, makeDefault: true, for: ann.id, now: 200)
        try store.enableTOTP(customerID: ann.id, secret: "SEALED", step: 1, recoveryHashes: [sampleTokenHash(3)])
        _ = try store.requestSignInCode(email: ann.email, code: SignInCodeRequest(hash: sampleTokenHash(4), nonce: "code"), now: 200)
        _ = try store.requestPasswordReset(email: ann.email, link: token(5), now: 200)
        _ = try store.requestEmailChange(of: ann.id, to: "ann@new.example", link: token(6), now: 200)
        for seed in 7..<10 {
            _ = try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.1", unlock: token(seed), now: 200)
        }
        return ann
    }

    /// Places a bank-transfer order (its confirmation email is queued at once) for `email`, as typed.
    static func order(for email: String, in store: Store, address: Address = annsAddress) throws -> Order {
        var draft = OrderDraft.sample([("TEE-M", 1)], provider: Order.manualProvider)
        draft.address = address
        draft.address.email = email
        return try store.placeOrder(draft, now: 300, holdFor: 1800)
    }

    /// Every text cell of every table.
    static func everything(in store: Store) throws -> [String] {
        let catalogue =
            store.database.dialect.name == Dialect.postgresql.name
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            // FTS5's shadow tables (the search index) hold its blobs; the virtual table reads as text.
            : "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')"
        let tables = try store.database.query(catalogue).map { try $0.text("name") }
        return try tables.flatMap { table in
            try store.database.query("SELECT * FROM \(table)").flatMap { row in
                row.values.compactMap { value -> String? in
                    if case .text(let text) = value { return text }
                    return nil
                }
            }
        }
    }
}
