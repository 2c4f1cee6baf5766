import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct AddressTests {
    static let home = ["name": "Ann Murphy", "street": "1 Main Street", "city": "Dublin", "postal_code": "D02 X285", "country": "IE"]
    static let work = ["name": "Ann Murphy", "street": "9 Quay Road", "city": "Cork", "postal_code": "T12 AB34", "country": "IE"]

    @Test func addressesAreAddedEditedAndRemovedWithOneDefault() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let ann = try #require(try shop.store.customer(email: "ann@example.com"))
            let bad = try shop.post("/addresses", ["name": "Ann", "street": "", "city": "Dublin", "country": "ZZ"], from: "/")
            #expect(bad.response.status == 422)
            #expect(bad.html.contains("aria-invalid"))
            #expect(try shop.store.savedAddresses(ofCustomer: ann.id).isEmpty)
            #expect(try shop.post("/addresses", Self.home, from: "/").response.header("Location") == "/fn/account?done=address")
            try shop.post("/addresses", Self.work, from: "/")
            var saved = try shop.store.savedAddresses(ofCustomer: ann.id)
            #expect(saved.map(\.address.street) == ["1 Main Street", "9 Quay Road"])
            #expect(saved.map(\.isDefault) == [true, false])
            let workID = saved[1].id
            var edit = Self.work
            edit["street"] = "10 Quay Road"
            edit["id"] = String(workID)
            edit["default"] = "yes"
            try shop.post("/addresses", edit, from: "/")
            saved = try shop.store.savedAddresses(ofCustomer: ann.id)
            #expect(saved.map(\.address.street) == ["10 Quay Road", "1 Main Street"])
            #expect(saved.map(\.isDefault) == [true, false])
            let page = try shop.send("GET", "/", query: "edit=\(workID)").html
            #expect(page.contains("value=\"10 Quay Road\""))
            #expect(page.visibleText.contains("Default address, filled in at checkout"))
            try shop.post("/addresses/remove", ["id": String(workID)], from: "/")
            saved = try shop.store.savedAddresses(ofCustomer: ann.id)
            #expect(saved.map(\.address.street) == ["1 Main Street"])
            #expect(saved.map(\.isDefault) == [true])
        }
    }

    @Test func anotherAccountsAddressCannotBeEditedOrRemoved() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            try shop.post("/addresses", Self.home, from: "/")
            let ann = try #require(try shop.store.customer(email: "ann@example.com"))
            let annsID = try #require(try shop.store.savedAddresses(ofCustomer: ann.id).first).id
            shop.cookie = nil
            try shop.post("/register", ["email": "bob@example.com", "name": "Bob", "password": "another horse"])
            try shop.send("GET", "/confirm", query: "token=" + shop.linkSecret(.accountConfirm))
            try shop.post("/login", ["email": "bob@example.com", "password": "another horse"])
            var edit = Self.work
            edit["id"] = String(annsID)
            #expect(try shop.post("/addresses", edit, from: "/").response.status == 404)
            try shop.post("/addresses/remove", ["id": String(annsID)], from: "/")
            #expect(try shop.store.savedAddresses(ofCustomer: ann.id).map(\.address.street) == ["1 Main Street"])
        }
    }
}
