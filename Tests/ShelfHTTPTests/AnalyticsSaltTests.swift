import ShelfConfig
import ShelfCrypto
import ShelfStore
import ShelfTesting
import Synchronization
import Testing

@testable import ShelfHTTP

/// A random source that counts how many times it was asked, so a test sees when a salt was made.
final class CountingRandom: RandomSource {
    private let calls = Mutex(0)
    var count: Int { calls.withLock { $0 } }

    func bytes(_ count: Int) -> [UInt8] {
        calls.withLock { $0 += 1 }
        return Array(repeating: 9, count: count)
    }
}

/// A clock a test moves by hand.
final class HandClock: Sendable {
    private let seconds: Mutex<Int64>
    init(_ seconds: Int64) { self.seconds = Mutex(seconds) }
    func move(by delta: Int64) { seconds.withLock { $0 += delta } }
    var clock: Clock { Clock { self.seconds.withLock { $0 } } }
}

/// A function process reads the day's analytics salt once, not on every event it records.
@Suite struct AnalyticsSaltTests {
    @Test func aProcessReadsTheDaysSaltOnceAndAgainTheNextDay() throws {
        try withTemporaryDirectory { directory in
            let store = try directory.openStore()
            try store.migrate()
            let random = CountingRandom()
            let time = HandClock(1_800_000_000)
            let config = try StoreConfig(
                toml: "name = \"Shop\"\nbase_url = \"https://shop.example\"\ncurrency = \"EUR\"\nlocale = \"en-IE\"\n")
            let context = FunctionContext(
                root: directory.path, config: config,
                secrets: try Secrets(toml: "session_key = \"\(String(repeating: "ab", count: 32))\"", name: "secrets.toml"),
                database: directory.storeLocation(), clock: time.clock, random: random)

            let first = try context.analyticsSalt(in: store)
            time.move(by: 60)
            #expect(try context.analyticsSalt(in: store) == first)
            #expect(random.count == 1)
            #expect(first == (try store.analyticsSalt(now: time.clock.now(), candidate: String(repeating: "0", count: 64))))

            time.move(by: Store.analyticsDay)
            let next = try context.analyticsSalt(in: store)
            #expect(random.count == 2)
            #expect(next == (try store.analyticsSalt(now: time.clock.now(), candidate: String(repeating: "0", count: 64))))
        }
    }
}
