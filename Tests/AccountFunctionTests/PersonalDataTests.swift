import Foundation
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct PersonalDataTests {
    @Test func theDownloadHoldsTheAccountItsOrdersWithLinesAndTheEmailsSent() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let order = try DashboardTests.guestOrder(shop, email: "ann@example.com", at: shop.now - 60)
            try shop.registerAnn()
            #expect(try shop.send("GET", "/data.json").response.status == 403)
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            try shop.post("/addresses", AddressTests.home, from: "/")
            let (response, body) = try shop.send("GET", "/data.json")
            #expect(response.status == 200)
            #expect(response.header("Cache-Control") == "no-store")
            #expect(response.header("Content-Disposition")?.hasPrefix("attachment") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect((json["account"] as? [String: Any])?["email"] as? String == "ann@example.com")
            let addresses = try #require(json["addresses"] as? [[String: Any]])
            #expect(addresses.map { $0["street"] as? String } == ["1 Main Street"])
            #expect(addresses.first?["default"] as? Bool == true)
            let orders = try #require(json["orders"] as? [[String: Any]])
            #expect(orders.map { $0["number"] as? String } == [order.number.description])
            #expect((orders[0]["lines"] as? [[String: Any]])?.first?["sku"] as? String == "TEE-M")
            let emails = try #require(json["emails"] as? [[String: Any]])
            #expect(emails.contains { $0["template"] as? String == "account-confirm" && $0["recipient"] as? String == "ann@example.com" })
        }
    }

    @Test func deletingNeedsThePasswordThenErasesTheAccountAndKeepsOrdersWithoutThePerson() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            var draft = OrderDraft.sample([("TEE-M", 1)], provider: Order.manualProvider)
            draft.address.email = "ann@example.com"
            draft.address.phone = "+353 1 555 0100"
            let order = try shop.store.placeOrder(draft, now: shop.now - 60, holdFor: 1800)
            let other = try DashboardTests.guestOrder(shop, email: "bob@example.com", at: shop.now - 30)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            try shop.post("/addresses", AddressTests.home, from: "/")
            let ann = try #require(try shop.store.customer(email: "ann@example.com"))
            let cookie = try #require(shop.cookie)
            let wrong = try shop.post("/delete", ["delete_password": "not the password"], from: "/")
            #expect(wrong.response.status == 422)
            #expect(try shop.store.customer(email: "ann@example.com") != nil)
            let deleted = try shop.post("/delete", ["delete_password": "correct horse"], from: "/")
            #expect(deleted.response.status == 200)
            #expect(deleted.html.contains("Your account is deleted"))
            #expect(try shop.store.customer(email: "ann@example.com") == nil)
            #expect(try shop.store.savedAddresses(ofCustomer: ann.id).isEmpty)
            let kept = try #require(try shop.store.order(order.id)).order
            #expect(kept.address.name == Store.ErasedOrder.name)
            #expect(kept.address.email == Store.ErasedOrder.email)
            #expect(kept.address.street == Store.ErasedOrder.street)
            #expect(kept.address.city == Store.ErasedOrder.city)
            #expect(kept.address.postalCode.isEmpty)
            #expect(kept.address.phone.isEmpty)
            #expect(kept.amounts.total == order.amounts.total)
            #expect(try shop.store.order(other.id)?.order.address.email == "bob@example.com")
            // The one erasure of `shelf customers delete`: no account email is left, and the
            // order's email not sent yet never will be.
            let mail = try shop.store.mail()
            #expect(!mail.contains { $0.recipient == "ann@example.com" })
            let orderMail = mail.filter { $0.orderID == order.id }
            #expect(!orderMail.isEmpty)
            #expect(orderMail.allSatisfy { $0.recipient == Store.ErasedOrder.email && $0.status != .pending })
            shop.cookie = cookie
            #expect(try shop.send("GET", ".json").html == #"{"name":null}"#)
            #expect(try shop.send("GET", "/").response.header("Location") == Login.path)
        }
    }
}
