import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SubscribeFunction

struct SignUpTests {
    @Test func onlyTheConfirmationLinkSubscribesAndItWorksOnce() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let answer = try shop.signUp("Ann@Example.com")
            #expect(answer.response.status == 200)
            #expect(answer.html.visibleText.contains("Check your email"))
            #expect(try shop.store.subscriber(email: "ann@example.com")?.status == .pending)
            #expect(try shop.store.confirmedSubscribers(topic: "arrivals").isEmpty)
            let secret = try shop.confirmationSecret(to: "ann@example.com")
            let confirmed = try shop.send("GET", "/confirm", query: "token=\(secret)")
            #expect(confirmed.html.contains("You are subscribed"))
            let subscriber = try #require(try shop.store.subscriber(email: "ann@example.com"))
            #expect(subscriber.status == .confirmed)
            #expect(subscriber.topics == ["arrivals", "offers"])
            #expect(try shop.store.confirmedSubscribers(topic: "offers").map(\.email) == ["ann@example.com"])
            let again = try shop.send("GET", "/confirm", query: "token=\(secret)")
            #expect(again.response.status == 404)
            #expect(again.html.contains("This link no longer works"))
        }
    }

    @Test func newPendingAndConfirmedAddressesGetTheSamePage() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            _ = try shop.subscribe("ann@example.com")
            try shop.signUp("bob@example.com")
            let confirmed = try shop.signUp("ann@example.com").html.visibleText
            let pending = try shop.signUp("bob@example.com").html.visibleText
            let new = try shop.signUp("cat@example.com").html.visibleText
            #expect(confirmed.replacing("ann@", with: "x@") == new.replacing("cat@", with: "x@"))
            #expect(pending.replacing("bob@", with: "x@") == new.replacing("cat@", with: "x@"))
            // The confirmed address, which already gets everything, gets no second email.
            #expect(try shop.store.mail().filter { $0.recipient == "ann@example.com" }.count == 1)
        }
    }

    @Test func anAddressGetsAtMostThreeConfirmationEmailsADay() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            for index in 0..<5 {
                shop.client = "192.0.2.\(index + 10)"
                #expect(try shop.signUp("ann@example.com").response.status == 200)
            }
            #expect(try shop.store.mail().count == 3)
            shop.now += 86_401
            try shop.signUp("ann@example.com")
            #expect(try shop.store.mail().count == 4)
        }
    }

    @Test func oneClientCannotSignUpManyAddresses() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            for index in 0..<Store.signUpsPerClientHour {
                #expect(try shop.signUp("victim\(index)@example.com").response.status == 200)
            }
            let refused = try shop.signUp("one-more@example.com")
            #expect(refused.response.status == 429)
            #expect(try shop.store.subscriber(email: "one-more@example.com") == nil)
            #expect(try shop.store.mail().count == Store.signUpsPerClientHour)
        }
    }

    @Test(arguments: [
        ("annexample.com", "needs an @"), ("ann@@example.com", "exactly one @"), ("ann@bob@example.com", "exactly one @"),
        (String(repeating: "a", count: 250) + "@example.com", "too long"), ("\"ann smith\"@example.com", "Quoted addresses"),
        ("ann@bücher.example", "accented or non-Latin"), ("ann@example.com.", "cannot end with a dot"),
        ("ann@example.com\r\nBcc: eve@example.com", "line breaks"), ("", "Enter your email address"),
        ("ann@localhost", "domain like example.com"),
    ])
    func aBadAddressIsRefusedWithAClearMessageAndKept(_ typed: String, _ words: String) throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let answer = try shop.signUp(typed)
            #expect(answer.response.status == 422)
            #expect(answer.html.contains(words))
            #expect(answer.html.contains("aria-invalid=\"true\""))
            if !typed.contains("\r"), !typed.contains("\"") { #expect(answer.html.contains("value=\"\(typed)\"")) }
            #expect(try shop.store.mail().isEmpty)
            #expect(try shop.store.subscribers().isEmpty)
        }
    }

    @Test func anEncodedLineBreakOrNulIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            #expect(try shop.send("POST", "/", form: "form=footer&email=ann%40example.com%0d%0aBcc:x@example.com").response.status == 422)
            #expect(try shop.send("POST", "/", form: "form=footer&email=ann%40example.com%00").response.status == 400)
            #expect(try shop.store.mail().isEmpty)
        }
    }

    @Test func aSignUpFromAnotherSiteIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let answer = try shop.send(
                "POST", "/", form: "form=footer&email=ann%40example.com", environment: ["HTTP_ORIGIN": "https://evil.example"])
            #expect(answer.response.status == 403)
            #expect(try shop.store.subscribers().isEmpty)
        }
    }

    @Test func theConsentRecordKeepsTheFormItsWordingAndTheConfirmation() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            _ = try shop.subscribe("ann@example.com")
            let consents = try shop.store.consents(email: "ann@example.com")
            #expect(consents.count == 1)
            #expect(consents[0].request.source == "footer")
            #expect(consents[0].request.wording == SignUpForm.footer.wording)
            #expect(consents[0].request.topics == ["arrivals", "offers"])
            #expect(consents[0].givenAt == shop.now)
            #expect(consents[0].confirmedAt == shop.now)
        }
    }

    @Test func anExpiredConfirmationLinkIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            try shop.signUp("ann@example.com")
            let secret = try shop.confirmationSecret(to: "ann@example.com")
            shop.now += Store.subscriptionLinkLifetime
            #expect(try shop.send("GET", "/confirm", query: "token=\(secret)").response.status == 404)
            #expect(try shop.store.subscriber(email: "ann@example.com")?.status == .pending)
        }
    }
}
