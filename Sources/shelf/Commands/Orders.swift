import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCore
import ShelfPayments
import ShelfSite
import ShelfStore

extension Shelf {
    struct OrdersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "orders",
            abstract: "List, show, fulfil, deliver, cancel, mark paid, refund and expire orders.",
            discussion: """
                Examples:
                  shelf orders list --status paid
                  shelf orders show 1042
                  shelf orders mark-paid 1042        # a bank transfer arrived
                  shelf orders fulfil 1042 --carrier "An Post" --tracking CE123456789IE
                  shelf orders deliver 1042
                  shelf orders refund 1042 --amount 10.00
                  shelf orders cancel 1042
                  shelf orders expire                # release reservations that ran out
                """,
            subcommands: [List.self, Show.self, Fulfil.self, Deliver.self, Cancel.self, MarkPaid.self, Refund.self, Expire.self])
    }
}

/// The time now, in Unix seconds.
var currentTime: Int64 { Int64(Date().timeIntervalSince1970) }

/// The order `number` names, or a failure that says there is none.
func orderDetails(_ number: String, in store: Store) throws -> OrderDetails {
    guard let parsed = OrderNumber(parsing: number), let details = try store.order(parsed.id) else {
        throw fail("there is no order \(number); shelf orders list shows them")
    }
    return details
}

func loadConfig(_ options: StoreOption) throws -> StoreConfig {
    try failing { try StoreConfig.load(from: options.folder.root) }
}

/// Prices as the store shows them, in its currency and locale.
func formatter(_ options: StoreOption) throws -> PriceFormatter {
    let config = try loadConfig(options)
    return PriceFormatter(locale: config.locale, currency: config.currency)
}

/// Gives `amount` of the order back through its payment provider (Stripe's refunds API for
/// Stripe orders; the test and manual providers take no call) and returns the refund's reference
/// to record. `key` makes a retried call the same refund.
func refundThroughProvider(
    _ amount: Money, of details: OrderDetails, key: String, config: StoreConfig, options: StoreOption
) throws
    -> String
{
    let order = details.order
    guard order.provider == "stripe", let payment = details.payments.last(where: { $0.amounts.captured > 0 }),
        let session = payment.reference
    else { return "\(order.provider)-\(key)" }
    let secrets = try Secrets.load(options.folder.root + "/" + config.secretsFile, name: config.secretsFile)
    guard let secret = secrets.value("stripe_secret_key") else {
        throw fail("stripe_secret_key is missing from \(config.secretsFile)")
    }
    let stripe = StripeCheckout(client: StripeClient(api: config.checkout.payments.stripeAPI, secretKey: secret))
    do {
        return try stripe.refund(paymentIntent: try stripe.paymentIntent(ofSession: session), amount: amount, key: key)
    } catch {
        throw fail("Stripe did not refund \(amount) of order \(order.number): \(error)")
    }
}

/// A Unix time as ISO 8601 in UTC (`2026-12-05T02:40:02Z`).
func time(_ seconds: Int64) -> String {
    Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
}

extension Shelf.OrdersCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List orders, newest first.", discussion: "Example:\n  shelf orders list --status pending_payment")

        @OptionGroup var options: StoreOption
        @Option(help: "Only orders with this status (\(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
        var status: String?

        func validate() throws {
            if let status, OrderStatus(rawValue: status) == nil {
                throw ValidationError(
                    "unknown status \(status); use one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let store = try openStore(options)
            let prices = try formatter(options)
            let orders = try store.orders(status: status.flatMap(OrderStatus.init(rawValue:)))
            print(pad("ORDER", 8) + pad("STATUS", 18) + pad("PLACED", 22) + pad("ITEMS", 7) + pad("TOTAL", 12) + "EMAIL")
            for order in orders {
                print(
                    pad(order.number.description, 8) + pad(order.status.rawValue, 18) + pad(time(order.createdAt), 22)
                        + pad(String(order.items), 7) + pad(prices.string(order.total), 12) + order.email)
            }
            if orders.isEmpty { print("No orders.") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one order.", discussion: "Example:\n  shelf orders show 1042")

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String

        func run() throws {
            let store = try openStore(options)
            let prices = try formatter(options)
            let details = try orderDetails(number, in: store)
            let order = details.order
            let amounts = order.amounts
            print("Order \(order.number) · \(order.status.rawValue) · \(order.provider)")
            print("\(order.address.email)\n" + order.address.lines.joined(separator: "\n"))
            print("")
            for line in details.lines {
                print(
                    "  \(line.quantity) × \(line.sku)  \(line.title) \(line.options)  \(prices.string(line.lineTotal))  [\(line.hold.rawValue)]"
                        + (line.shipped > 0 ? " shipped \(line.shipped)" : "") + (line.missing > 0 ? " missing \(line.missing)" : ""))
            }
            print("  Subtotal \(prices.string(amounts.subtotal))")
            if amounts.discount.minorUnits > 0 { print("  Discount \(amounts.discountCode ?? "") −\(prices.string(amounts.discount))") }
            print("  Shipping (\(order.shippingName)) \(prices.string(amounts.shipping))")
            print("  Tax \(amounts.taxRate) (\(amounts.taxMode.rawValue)) \(prices.string(amounts.tax))")
            print("  Total \(prices.string(amounts.total))")
            print("")
            for payment in details.payments {
                print(
                    "Payment \(payment.provider) #\(payment.attempt) \(payment.status.rawValue) \(payment.reference ?? "")"
                        + " captured \(prices.string(Money(minorUnits: payment.amounts.captured, currency: payment.currency)))"
                        + " refunded \(prices.string(Money(minorUnits: payment.amounts.refunded, currency: payment.currency)))")
            }
            for shipment in details.shipments {
                let delivered = shipment.deliveredAt.map { ", delivered \(time($0))" } ?? ""
                print(
                    "Shipment \(shipment.id) by \(shipment.carrier) (\(shipment.trackingNumbers.joined(separator: ", "))), "
                        + "\(shipment.lines.values.reduce(0, +)) items, \(time(shipment.shippedAt))\(delivered)")
            }
            for event in details.events { print("\(time(event.at))  \(event.status.rawValue)  \(event.note)") }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel an order, release its stock and refund what it paid.",
            discussion: """
                A paid order's money goes back through its payment provider (Stripe's refunds API for
                Stripe orders), and the shopper's email says how much. With --no-refund the money is
                kept (you settle it another way) and the email says it was not refunded.

                Examples:
                  shelf orders cancel 1042
                  shelf orders cancel 1042 --no-refund
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String
        @Flag(help: "Keep the money a paid order took; the shopper is told it was not refunded.") var noRefund = false

        func run() throws {
            let store = try openStore(options)
            let details = try orderDetails(number, in: store)
            let order = details.order
            guard order.status.canChange(to: .cancelled) else {
                throw fail("order \(number) is \(order.status.rawValue) and cannot be cancelled")
            }
            let left = Money(minorUnits: try store.refundable(ofOrder: order.id), currency: order.amounts.currency)
            var refund: CancellationRefund?
            if left.minorUnits > 0, !noRefund {
                let config = try loadConfig(options)
                let reference = try refundThroughProvider(
                    left, of: details, key: "shelf-cancel-\(order.number)", config: config, options: options)
                refund = CancellationRefund(amount: left, reference: reference)
            }
            try failing("order \(number)") {
                try store.cancelOrder(order.id, now: currentTime, note: "cancelled by the merchant", refund: refund)
            }
            let prices = try formatter(options)
            if let refund {
                print(
                    "Order \(order.number) cancelled; its stock is released and \(prices.string(refund.amount)) refunded (\(refund.reference))."
                )
            } else if left.minorUnits > 0 {
                print("Order \(order.number) cancelled; its stock is released. \(prices.string(left)) was NOT refunded (--no-refund).")
            } else {
                print("Order \(order.number) cancelled; its stock is released.")
            }
        }
    }

    struct MarkPaid: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark-paid", abstract: "Record that a manual payment (bank transfer, cash on delivery) arrived.",
            discussion: "Example:\n  shelf orders mark-paid 1042")

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String

        func run() throws {
            let store = try openStore(options)
            let order = try orderDetails(number, in: store).order
            let outcome = try failing("order \(number)") {
                try store.markPaid(
                    order.id, payment: PaymentConfirmation(provider: Order.manualProvider, reference: nil, amount: order.amounts.total),
                    now: currentTime)
            }
            switch outcome {
            case .paid: print("Order \(order.number) is paid.")
            case .paidButShort(let skus):
                print("Order \(order.number) is paid, but \(skus.joined(separator: ", ")) could not be allocated.")
            case .alreadyPaid, .duplicate: print("Order \(order.number) was already paid.")
            case .paidAfterCancellation, .paidAgain: print("Order \(order.number) was cancelled or paid already: refund this payment.")
            }
        }
    }

    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refund",
            abstract: "Refund an order, in full or in part, through its payment provider.",
            discussion: "Example:\n  shelf orders refund 1042 --amount 10.00")

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String
        @Option(help: "The amount to refund (default: everything not refunded yet).") var amount: String?

        func run() throws {
            let store = try openStore(options)
            let config = try loadConfig(options)
            let details = try orderDetails(number, in: store)
            let order = details.order
            let captured = details.payments.reduce(Int64(0)) { $0 + $1.amounts.captured - $1.amounts.refunded }
            let refund: Money
            do {
                refund =
                    try amount.map { try Money(parsing: $0, in: config.currency) } ?? Money(minorUnits: captured, currency: config.currency)
            } catch {
                throw fail("--amount \(amount ?? ""): \(error)")
            }
            guard refund.minorUnits > 0, refund.minorUnits <= captured else {
                throw fail("order \(number) has \(Money(minorUnits: captured, currency: config.currency)) that can be refunded")
            }
            let reference = try refundThroughProvider(
                refund, of: details, key: "shelf-refund-\(order.number)-\(details.refunds.count + 1)", config: config, options: options)
            try failing("order \(number)") { try store.recordRefund(order.id, amount: refund, reference: reference, now: currentTime) }
            print("Refunded \(refund) of order \(order.number) (\(reference)).")
        }
    }

    struct Expire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expire",
            abstract: "Expire unpaid orders whose reservation ran out, releasing their stock.",
            discussion: "The functions do this too, on each checkout request.\n\nExample:\n  shelf orders expire")

        @OptionGroup var options: StoreOption

        func run() throws {
            let store = try openStore(options)
            let expired = try store.expireOrders(now: currentTime)
            print(
                expired.isEmpty
                    ? "No reservations ran out." : "Expired: \(expired.map { OrderNumber(id: $0).description }.joined(separator: ", "))")
        }
    }
}
