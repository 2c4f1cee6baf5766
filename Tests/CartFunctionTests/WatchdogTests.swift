import Glibc
import ShelfTesting
import Synchronization
import Testing

@testable import CartFunction
@testable import ShelfHTTP

/// The runtime's way of answering: the handler on the request's thread, a watchdog answering
/// for it when it overruns.
@Suite struct WatchdogTests {
    @Test func aHandlerWithinItsLimitAnswersAndTheWatchdogStaysQuiet() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let answered = Mutex<[Response]>([])
            let watchdog = Watchdog { response in answered.withLock { $0.append(response) } }
            let responder = Responder(function: Function(name: "cart", routes: CartRoutes.all), context: try cart.context(), log: { _ in })
            var body = BytesBody(Array("sku=TEE-FOREST-S".utf8))
            let add = [
                "REQUEST_METHOD": "POST", "PATH_INFO": "/add", "CONTENT_TYPE": "application/x-www-form-urlencoded",
                "CONTENT_LENGTH": "16", "HTTP_ORIGIN": CartFixture.baseURL,
            ]
            let added = try #require(responder.respond(to: CGIVariables(add), body: &body, watchdog: watchdog))
            #expect(added.status == 303)
            #expect(added.header("Content-Security-Policy") != nil)
            for _ in 0..<3 {
                var empty = BytesBody([])
                let read = try #require(
                    responder.respond(to: ["REQUEST_METHOD": "GET", "PATH_INFO": ".json"], body: &empty, watchdog: watchdog))
                #expect(read.status == 200)
            }
            #expect(answered.withLock { $0.isEmpty })
        }
    }

    @Test func theWatchdogAnswers503ForAHandlerThatOverruns() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let slow = Function(
                name: "slow",
                routes: [
                    Route(.get, "/") { _, _ in
                        usleep(1_600_000)
                        return .html("late")
                    }
                ])
            let answered = Mutex<[Response]>([])
            let watchdog = Watchdog { response in answered.withLock { $0.append(response) } }
            let responder = Responder(function: slow, context: try cart.context(timeout: 1), log: { _ in })
            var body = BytesBody([])
            let response = responder.respond(to: ["REQUEST_METHOD": "GET", "PATH_INFO": "/"], body: &body, watchdog: watchdog)
            // The handler finished after the watchdog had answered: its answer is dropped.
            #expect(response == nil)
            let answers = answered.withLock { $0 }
            #expect(answers.map(\.status) == [503])
            #expect(answers.first?.header("Content-Security-Policy") != nil)
        }
    }
}
