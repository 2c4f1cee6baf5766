import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

extension Shelf.OrdersCommand {
    struct Fulfil: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fulfil",
            abstract: "Record that a paid order's parcel left: carrier, tracking numbers, and what could not be found.",
            discussion: """
                Units named with --missing leave the stock and are refunded through the payment
                provider; the shopper's shipping email says so. Without --ship, the parcel carries
                everything left to ship; with it, only those units, and the order is partly
                shipped until the rest follows.

                Examples:
                  shelf orders fulfil 1042 --carrier "An Post" --tracking CE123456789IE
                  shelf orders fulfil 1042 --carrier DPD --tracking 1501 --tracking 1502 --missing LDN-BWC-CAM-L:1
                  shelf orders fulfil 1042 --carrier DPD --tracking 1503 --ship TEE-M:1
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String
        @Option(help: "The carrier taking the parcel.") var carrier: String
        @Option(help: "A tracking number; repeat for a parcel in several boxes.") var tracking: [String] = []
        @Option(help: ArgumentHelp("Units to ship, as SKU:QUANTITY; repeat. Default: everything left.", valueName: "SKU:QTY"))
        var ship: [String] = []
        @Option(help: ArgumentHelp("Units that could not be found, as SKU:QUANTITY; repeat.", valueName: "SKU:QTY"))
        var missing: [String] = []

        func validate() throws {
            if tracking.isEmpty { throw ValidationError("give the parcel's tracking number with --tracking") }
            _ = try units(ship, "--ship")
            _ = try units(missing, "--missing")
        }

        func run() throws {
            let store = try openStore(options)
            let config = try loadConfig(options)
            let details = try orderDetails(number, in: store)
            let request = ShipmentRequest(
                carrier: carrier, trackingNumbers: tracking, ship: ship.isEmpty ? nil : try units(ship, "--ship"),
                missing: try units(missing, "--missing"))
            let fulfilment = try failing("order \(number)") { try store.fulfil(details.order.id, request, now: currentTime) }
            let order = details.order
            print(
                "Order \(order.number) is \(fulfilment.status == .shipped ? "shipped" : "partly shipped")"
                    + " by \(carrier) (\(tracking.joined(separator: ", "))).")
            guard fulfilment.refund.minorUnits > 0 else { return }
            let key = "shelf-missing-\(order.number)-\(fulfilment.shipment.id)"
            let reference: String
            do {
                reference = try refundThroughProvider(fulfilment.refund, of: details, key: key, config: config, options: options)
                try store.recordRefund(order.id, amount: fulfilment.refund, reference: reference, now: currentTime)
            } catch {
                throw fail(
                    "the parcel is recorded, but the refund of \(fulfilment.refund) for the missing units did not go through: \(error). "
                        + "Refund it with: shelf orders refund \(order.number) --amount \(fulfilment.refund.decimalString)")
            }
            print("Refunded \(fulfilment.refund) for the missing units (\(reference)).")
        }

        /// `SKU:QUANTITY` pairs as units per SKU.
        private func units(_ pairs: [String], _ option: String) throws -> [String: Int] {
            var units: [String: Int] = [:]
            for pair in pairs {
                let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, let quantity = Int(parts[1]), quantity > 0 else {
                    throw ValidationError("\(option) \(pair): write SKU:QUANTITY, such as TEE-M:1")
                }
                units[String(parts[0]), default: 0] += quantity
            }
            return units
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "Record that a shipped order arrived.", discussion: "Example:\n  shelf orders deliver 1042")

        @OptionGroup var options: StoreOption
        @Argument(help: "The order number.") var number: String

        func run() throws {
            let store = try openStore(options)
            let order = try orderDetails(number, in: store).order
            try failing("order \(number)") { try store.markDelivered(order.id, now: currentTime) }
            print("Order \(order.number) is delivered.")
        }
    }
}
