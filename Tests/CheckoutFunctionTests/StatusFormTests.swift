import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import CheckoutFunction

/// The footer's order status form: it emails an order's link and never says whether the order
/// exists.
@Suite struct StatusFormTests {
    static let sent = "If that order number and email match an order, we've sent its status link to that address."

    /// The page's form token, after opening the page (which starts a session).
    func openForm(_ shop: CheckoutFixture) throws -> String {
        let page = String(decoding: try shop.send("GET", "/status", headers: [:]).body, as: UTF8.self)
        return try #require(page.firstMatch(of: /name="_token" value="([^"]+)"/)).output.1.description
    }

    func orderLinks(_ shop: CheckoutFixture) throws -> [OutboxMessage] {
        try shop.store.mail().filter { $0.email == .orderLink }
    }

    func text(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func thePageHasALabelledFormThatWorksWithoutJavaScript() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let response = try shop.send("GET", "/status", headers: [:])
            #expect(response.status == 200)
            #expect(response.header("Set-Cookie")?.hasPrefix("shelf_session=") == true)
            let html = text(response)
            #expect(html.contains(#"<form class="form" method="post" action="/fn/checkout/status" novalidate>"#))
            #expect(html.contains(#"<label for="field-number">Order number</label>"#))
            #expect(html.contains(#"name="number" type="text" inputmode="numeric" autocomplete="off""#))
            #expect(html.contains(#"<label for="field-email">Email</label>"#))
            #expect(html.contains(#"name="email" type="email" autocomplete="email""#))
            #expect(!html.contains("we've sent"))
        }
    }

    @Test func theAnswerIsTheSameWhetherTheOrderExistsAndTheEmailMatchesOrNot() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            let token = try openForm(shop)
            let right = try shop.send("POST", "/status", form: "_token=\(token)&number=\(order.number)&email=ADA%40example.com")
            #expect(try orderLinks(shop).count == 1)
            let wrongEmail = try shop.send("POST", "/status", form: "_token=\(token)&number=\(order.number)&email=eve%40example.com")
            let unknown = try shop.send("POST", "/status", form: "_token=\(token)&number=9999&email=ada%40example.com")
            #expect(try orderLinks(shop).count == 1)

            for answer in [right, wrongEmail, unknown] {
                #expect(answer.status == 200)
                #expect(text(answer).contains(Self.sent))
                #expect(answer.body == right.body)
                #expect(answer.headers.map { "\($0.name): \($0.value)" } == right.headers.map { "\($0.name): \($0.value)" })
            }
            let link = try #require(try orderLinks(shop).first)
            #expect(link.recipient == "ada@example.com")
        }
    }

    @Test func atMostThreeLinksAreQueuedPerOrderAnHourAndTheFourthAnswersTheSame() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            let token = try openForm(shop)
            let form = "_token=\(token)&number=%23\(order.number)&email=+ada%40example.com+"
            let answers = try (1...4).map { _ in try shop.send("POST", "/status", form: form) }
            #expect(try orderLinks(shop).count == 3)
            #expect(answers.allSatisfy { $0.status == 200 && $0.body == answers[0].body })
            shop.now += 3601
            try shop.send("POST", "/status", form: form)
            #expect(try orderLinks(shop).count == 4)
        }
    }

    @Test func mistakesComeBackWithWhatWasTypedAndAMessagePerField() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            let token = try openForm(shop)
            let letters = try shop.send("POST", "/status", form: "_token=\(token)&number=10a2&email=ada%40example.com")
            #expect(letters.status == 422)
            #expect(text(letters).contains(#"id="error-number" class="field__error">Order number is the digits in your order email"#))
            #expect(text(letters).contains(#"value="10a2""#))
            #expect(text(letters).contains(#"value="ada@example.com""#))

            let lineBreak = try shop.send(
                "POST", "/status", form: "_token=\(token)&number=\(order.number)&email=ada%40example.com%0D%0ABcc%3A+x%40y.z")
            #expect(lineBreak.status == 422)
            #expect(text(lineBreak).contains("Email contains characters that cannot be used"))
            #expect(text(lineBreak).contains(#"value="\#(order.number)""#))

            let empty = try shop.send("POST", "/status", form: "_token=\(token)&number=&email=ada")
            #expect(empty.status == 422)
            #expect(text(empty).contains("Order number is required"))
            #expect(text(empty).contains("Email must be an address like name@example.com"))

            let long = String(repeating: "a", count: 250) + "@example.com"
            #expect(try shop.send("POST", "/status", form: "_token=\(token)&number=\(order.number)&email=\(long)").status == 422)
            #expect(try shop.send("POST", "/status", form: "_token=\(token)&number=\(order.number)&email=a%00%40b.c").status == 400)
            #expect(try orderLinks(shop).isEmpty)
        }
    }

    @Test func aPostWithoutTheFormTokenOrFromAnotherSiteIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let order = try shop.placeOrder()
            let token = try openForm(shop)
            let fields = "number=\(order.number)&email=ada%40example.com"

            let withoutToken = try shop.send("POST", "/status", form: fields)
            #expect(withoutToken.status == 403)
            #expect(text(withoutToken).contains("This form has expired. Reload the page and try again."))

            let crossSite = try shop.send(
                "POST", "/status", form: "_token=\(token)&" + fields, headers: ["HTTP_SEC_FETCH_SITE": "cross-site"])
            #expect(crossSite.status == 403)
            #expect(text(crossSite).contains("This request came from another site and was refused."))

            shop.cookie = nil
            #expect(try shop.send("POST", "/status", form: "_token=\(token)&" + fields).status == 403)
            #expect(try orderLinks(shop).isEmpty)
        }
    }

    @Test func anOversizedBodyIsRefusedBeforeItIsRead() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            let token = try openForm(shop)
            let padding = String(repeating: "x", count: 9000)
            #expect(try shop.send("POST", "/status", form: "_token=\(token)&number=1001&email=\(padding)").status == 413)
        }
    }
}
