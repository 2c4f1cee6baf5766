import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct FulfilmentTests {
    let parcel = ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE123456789IE"])

    @Test func shippingEverythingTakesTheUnitsOffTheShelfAndQueuesTheEmail() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 3]) { store in
            let order = try store.placeSample([("TEE-M", 2), ("TEE-L", 1)])
            _ = try store.pay(order)
            let fulfilment = try store.fulfil(order.id, parcel, now: 20)
            #expect(fulfilment.status == .shipped)
            #expect(fulfilment.refund == .euros(0))
            #expect(fulfilment.shipment.lines == [1: 2, 2: 1])
            #expect(try store.stockRow("TEE-M").onHand == 3)
            #expect(try store.stockRow("TEE-M").allocated == 0)
            #expect(try store.stockRow("TEE-L").onHand == 2)
            let details = try store.details(order)
            #expect(details.order.status == .shipped)
            #expect(details.lines.map(\.shipped) == [2, 1])
            #expect(details.shipments.map(\.trackingNumbers) == [["CE123456789IE"]])
            #expect(details.shipments.map(\.carrier) == ["An Post"])
            #expect(details.events.last?.note == "shipped 3 items by An Post (CE123456789IE)")
            let shipped = try store.mail().filter { $0.email == .orderShipped }
            #expect(shipped.map(\.recipient) == ["ada@example.com"])
            #expect(shipped.first?.data["shipment"] == String(fulfilment.shipment.id))
        }
    }

    @Test func missingUnitsLeaveTheStockAndAreRefundedAtTheirShare() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 3]) { store in
            let order = try store.placeSample([("TEE-M", 2), ("TEE-L", 1)])
            _ = try store.pay(order)
            var request = parcel
            request.missing = ["TEE-L": 1]
            let fulfilment = try store.fulfil(order.id, request, now: 20)
            #expect(fulfilment.status == .shipped)
            #expect(fulfilment.missing == ["TEE-L": 1])
            #expect(fulfilment.refund == .euros(2500))
            #expect(try store.stockRow("TEE-L").onHand == 2)
            #expect(try store.stockRow("TEE-L").allocated == 0)
            #expect(try store.stockRow("TEE-L").available == 2)
            let details = try store.details(order)
            #expect(details.lines.map(\.missing) == [0, 1])
            let email = try #require(try store.mail().first { $0.email == .orderShipped })
            #expect(email.data["missing"] == "2:1" && email.data["refund_minor"] == "2500" && email.data["rest_to_come"] == "no")
            #expect(details.events.last?.note.contains("not found: 1 × TEE-L; refund 25.00 EUR") == true)
        }
    }

    @Test func anOrderCanLeaveInSeveralParcels() throws {
        try withStockedTees(["TEE-M": 5, "TEE-L": 3]) { store in
            let order = try store.placeSample([("TEE-M", 2), ("TEE-L", 1)])
            _ = try store.pay(order)
            var first = parcel
            first.ship = ["TEE-M": 1]
            #expect(try store.fulfil(order.id, first, now: 20).status == .partiallyShipped)
            #expect(try store.mail().first { $0.email == .orderShipped }?.data["rest_to_come"] == "yes")
            #expect(throws: OrderError.cannotChange(from: .partiallyShipped, to: .delivered)) { try store.markDelivered(order.id, now: 25) }
            #expect(throws: OrderError.cannotChange(from: .partiallyShipped, to: .cancelled)) {
                try store.cancelOrder(order.id, now: 25, note: "")
            }
            let second = ShipmentRequest(carrier: "DPD", trackingNumbers: ["1", "2"])
            let rest = try store.fulfil(order.id, second, now: 30)
            #expect(rest.status == .shipped)
            #expect(rest.shipment.lines == [1: 1, 2: 1])
            #expect(try store.details(order).shipments.map(\.trackingNumbers) == [["CE123456789IE"], ["1", "2"]])
            #expect(throws: OrderError.cannotChange(from: .shipped, to: .shipped)) { try store.fulfil(order.id, second, now: 40) }
            try store.markDelivered(order.id, now: 50)
            let details = try store.details(order)
            #expect(details.order.status == .delivered)
            #expect(details.shipments.map(\.deliveredAt) == [50, 50])
            #expect(
                try store.mail().map(\.email).filter { $0 != .orderConfirmation }
                    == [.orderDelivered, .orderShipped, .orderShipped])
        }
    }

    @Test func aBadShipmentRecordsNothing() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(throws: OrderError.cannotChange(from: .pendingPayment, to: .shipped)) { try store.fulfil(order.id, parcel, now: 15) }
            _ = try store.pay(order)
            let before = try store.details(order)
            let mailBefore = try store.mail()
            var tooMany = parcel
            tooMany.missing = ["TEE-M": 3]
            #expect(throws: OrderError.notInOrder(sku: "TEE-M", requested: 3, left: 2)) { try store.fulfil(order.id, tooMany, now: 20) }
            var unknown = parcel
            unknown.ship = ["TEE-S": 1]
            #expect(throws: OrderError.notInOrder(sku: "TEE-S", requested: 1, left: 0)) { try store.fulfil(order.id, unknown, now: 20) }
            var nothing = parcel
            nothing.missing = ["TEE-M": 2]
            #expect(throws: OrderError.self) { try store.fulfil(order.id, nothing, now: 20) }
            for bad in [
                ShipmentRequest(carrier: " ", trackingNumbers: ["1"]), ShipmentRequest(carrier: "DPD", trackingNumbers: []),
                ShipmentRequest(carrier: "DPD\r\nBcc: x", trackingNumbers: ["1"]),
                ShipmentRequest(carrier: "DPD", trackingNumbers: ["1\n2"]),
            ] {
                #expect(throws: OrderError.self) { try store.fulfil(order.id, bad, now: 20) }
            }
            #expect(try store.details(order) == before)
            #expect(try store.mail() == mailBefore)
            #expect(try store.stockRow("TEE-M").onHand == 5)
        }
    }
}
