import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Random sequences of everything that touches stock, checked after every step against the
/// rules that make overselling impossible.
struct OrderPropertyTests {
    static let skus = ["TEE-S", "TEE-M", "TEE-L"]
    static let steps = 700

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func stockAndOrdersAgreeAfterEveryStep(seed: UInt64) throws {
        try withStockedTees(["TEE-S": 3, "TEE-M": 6, "TEE-L": 1]) { store in
            var random = SplitMix64(seed: seed)
            var run = Run(store: store)
            for step in 0..<Self.steps {
                let operation = try run.step(&random)
                try checkInvariants(store, after: "step \(step): \(operation)")
            }
            // Every kind of step happened, so the run proved something about each.
            let kinds = ["placed", "paid", "paidButShort", "paidAgain", "paidAfterCancellation", "alreadyPaid", "duplicate"]
            let ends = ["cancelled", "expired", "refunded", "failed", "shipped", "partiallyShipped", "delivered"]
            #expect(Set(run.done.keys).isSuperset(of: kinds + ends), "\(run.done)")
        }
    }

    /// The invariants: for every SKU on hand = available + reserved + allocated with all of them
    /// at least zero; `reserved` is what lines of orders awaiting payment hold, `allocated` what
    /// lines of paid orders hold; no other line holds stock; every payment keeps
    /// 0 <= refunded <= captured <= authorized, and its refunds add up to what it refunded.
    func checkInvariants(_ store: Store, after operation: String) throws {
        let held = try store.database.query(
            """
            SELECT order_lines.sku AS sku, order_lines.hold AS hold, orders.status AS status,
                order_lines.quantity - order_lines.shipped - order_lines.missing AS quantity,
                order_lines.shipped + order_lines.missing AS gone, order_lines.quantity AS ordered
            FROM order_lines JOIN orders ON orders.id = order_lines.order_id
            """)
        var reserved: [String: Int] = [:]
        var allocated: [String: Int] = [:]
        for line in held {
            let status = try line.orderStatus("status")
            let hold = try line.text("hold")
            switch hold {
            case "reserved":
                #expect(status.isAwaitingPayment, "\(operation): a reserved line of a \(status) order")
                reserved[try line.text("sku"), default: 0] += try line.int("quantity")
            case "allocated":
                #expect(status == .paid || status.hasShipped, "\(operation): an allocated line of a \(status) order")
                allocated[try line.text("sku"), default: 0] += try line.int("quantity")
            default:
                #expect(!status.isAwaitingPayment, "\(operation): a \(hold) line of a \(status) order")
            }
            #expect(try line.int("quantity") >= 0 && line.int("gone") <= line.int("ordered"), "\(operation): shipped + missing")
        }
        for row in try store.stockList() {
            #expect(row.onHand == row.available + row.reserved + row.allocated)
            #expect(row.available >= 0 && row.reserved >= 0 && row.allocated >= 0, "\(operation): \(row)")
            #expect(row.reserved == reserved[row.sku, default: 0], "\(operation): \(row.sku) reserved")
            #expect(row.allocated == allocated[row.sku, default: 0], "\(operation): \(row.sku) allocated")
        }
        let payments = try store.database.query(
            """
            SELECT payments.authorized_minor AS authorized, payments.captured_minor AS captured, payments.refunded_minor AS refunded,
                (SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE payment_id = payments.id) AS refunds
            FROM payments
            """)
        for payment in payments {
            let amounts = PaymentAmounts(
                authorized: try payment.int64("authorized"), captured: try payment.int64("captured"),
                refunded: try payment.int64("refunded"))
            #expect(amounts != nil, "\(operation): payment amounts")
            #expect(try payment.int64("refunds") == payment.int64("refunded"), "\(operation): refunds add up")
        }
    }
}

/// One random run: the clock, the orders placed, the events sent, and how often each kind of
/// step took effect.
private struct Run {
    let store: Store
    var now: Int64 = 0
    var orders: [Order] = []
    /// The payment events sent, to send again.
    var events: [(order: Order, id: String, reference: String)] = []
    var done: [String: Int] = [:]

    init(store: Store) {
        self.store = store
    }

    /// The orders placed that are in one of `statuses` now.
    func orders(in statuses: Set<OrderStatus>) throws -> [Order] {
        try orders.filter { statuses.contains(try #require(try store.order($0.id)).order.status) }
    }

    /// Takes one random step and names it; throws only errors no step may cause.
    mutating func step(_ random: inout SplitMix64) throws -> String {
        let sku = OrderPropertyTests.skus.randomElement(using: &random)!
        let order = orders.randomElement(using: &random)
        let name: String
        do {
            switch Int.random(in: 0..<12, using: &random) {
            case 0, 1:
                let skus = OrderPropertyTests.skus.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
                let lines = skus.map { (sku: $0, quantity: Int.random(in: 1...3, using: &random)) }
                let provider = Bool.random(using: &random) ? "test" : Order.manualProvider
                name = "place \(lines) by \(provider)"
                orders.append(
                    try store.placeOrder(.sample(lines, provider: provider), now: now, holdFor: .random(in: 30...300, using: &random)))
                done["placed", default: 0] += 1
            case 2:
                guard let order else { return "nothing to pay" }
                let event = "evt_\(events.count)"
                let reference = "ts_\(order.id)_\(Int.random(in: 1...2, using: &random))"
                name = "pay order \(order.id) by \(event) for \(reference)"
                events.append((order, event, reference))
                let outcome = try store.markPaid(
                    order.id,
                    payment: PaymentConfirmation(provider: "test", reference: reference, amount: order.amounts.total, eventID: event),
                    now: now)
                done[String("\(outcome)".prefix { $0 != "(" }), default: 0] += 1
            case 3:
                guard let (order, event, reference) = events.randomElement(using: &random) else { return "no event to repeat" }
                name = "repeat \(event) for order \(order.id)"
                let outcome = try store.markPaid(
                    order.id,
                    payment: PaymentConfirmation(provider: "test", reference: reference, amount: order.amounts.total, eventID: event),
                    now: now)
                #expect(outcome == .duplicate, "\(name)")
                done["duplicate", default: 0] += 1
            case 4:
                guard let order else { return "nothing to fail" }
                name = "fail order \(order.id)"
                try store.recordPaymentFailure(order.id, provider: "test", reference: nil, reason: "declined", eventID: nil, now: now)
                done["failed", default: 0] += 1
            case 5:
                guard let order else { return "nothing to cancel" }
                name = "cancel order \(order.id)"
                try store.cancelOrder(order.id, now: now, note: "random")
                done["cancelled", default: 0] += 1
            case 6:
                now += .random(in: 0...120, using: &random)
                name = "expire at \(now)"
                done["expired", default: 0] += try store.expireOrders(now: now).count
            case 7:
                guard let order else { return "nothing to refund" }
                let amount = Money.euros(.random(in: 1...(order.amounts.total.minorUnits + 500), using: &random))
                name = "refund \(amount) of order \(order.id)"
                try store.recordRefund(order.id, amount: amount, reference: nil, now: now)
                done["refunded", default: 0] += 1
            case 10:
                guard let order = try orders(in: [.paid, .partiallyShipped]).randomElement(using: &random) else { return "nothing to ship" }
                var request = ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE\(now)IE"])
                let lines = try #require(try store.order(order.id)).lines
                if Int.random(in: 0..<3, using: &random) > 0, let line = lines.randomElement(using: &random) {
                    request.ship = [line.sku: 1]
                }
                if Bool.random(using: &random) { request.missing = [OrderPropertyTests.skus.randomElement(using: &random)!: 1] }
                name = "ship order \(order.id): \(request.ship ?? [:]) missing \(request.missing)"
                done["\(try store.fulfil(order.id, request, now: now).status)", default: 0] += 1
            case 11:
                guard let order = try orders(in: [.shipped]).randomElement(using: &random) else { return "nothing to deliver" }
                name = "deliver order \(order.id)"
                try store.markDelivered(order.id, now: now)
                done["delivered", default: 0] += 1
            case 8:
                let quantity = Int.random(in: 0...8, using: &random)
                name = "set \(sku) to \(quantity)"
                try store.setStock(sku, to: quantity)
            default:
                let delta = Int.random(in: -3...3, using: &random)
                name = "adjust \(sku) by \(delta)"
                try store.adjustStock(sku, by: delta)
            }
        } catch OrderError.short, OrderError.cannotChange, OrderError.overRefund, OrderError.notInOrder, OrderError.invalidShipment {
            return "refused"
        } catch StoreError.stockHeld, StoreError.insufficientStock {
            return "refused"
        }
        return name
    }
}

/// A small seeded generator, so a failing run can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_B9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
