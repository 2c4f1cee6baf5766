import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import BeaconFunction

/// The beacon through the function runtime: what it records, what it drops, and what it
/// answers, on SQLite and (with `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct BeaconTests {
    let productView = #"{"path":"/products/tee/?email=ann@example.com","referrer":"news.example","utm_source":"mail","width":390}"#

    @Test func aPageViewIsRecordedWithItsProductAndAnswered204() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            let response = try fixture.send(productView)
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
            let views = try fixture.views()
            #expect(
                views == [
                    AnalyticsEvent(
                        .pageView, path: "/products/tee/", product: "tee", referrer: "news.example", utmSource: "mail", screen: "phone")
                ])
        }
    }

    @Test func theSameBrowserIsOneVisitorAndAnotherAddressAnother() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            _ = try fixture.send(#"{"path":"/"}"#)
            _ = try fixture.send(productView)
            _ = try fixture.send(#"{"path":"/"}"#, client: "203.0.113.10")
            let visitors = try fixture.store.analyticsEvents().map(\.visitor)
            #expect(visitors[0] == visitors[1])
            #expect(visitors[0] != visitors[2])
            // Neither the address nor the user agent is anywhere in what is kept: a visitor is a
            // hash, 32 hex digits. (A search for "203" failed when a hash held those digits.)
            #expect(visitors.allSatisfy { $0.utf8.count == 32 && $0.allSatisfy(\.isHexDigit) })
            #expect(!visitors.contains { $0.contains("203.0.113.10") })
        }
    }

    @Test func botsAndPrefetchesAreAnswered204AndNotRecorded() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            #expect(try fixture.send(productView, agent: "Mozilla/5.0 HeadlessChrome/131.0.0.0").status == 204)
            #expect(try fixture.send(productView, agent: nil).status == 204)
            #expect(try fixture.send(productView, headers: ["HTTP_SEC_PURPOSE": "prefetch"]).status == 204)
            #expect(try fixture.views().isEmpty)
        }
    }

    @Test func doNotTrackIsRespectedUnlessTheSettingSaysOtherwise() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            #expect(try fixture.send(productView, headers: ["HTTP_DNT": "1"]).status == 204)
            #expect(try fixture.send(productView, headers: ["HTTP_SEC_GPC": "1"]).status == 204)
            #expect(try fixture.views().isEmpty)
            fixture.settings = "[analytics]\nrespect_do_not_track = false\n"
            _ = try fixture.send(productView, headers: ["HTTP_DNT": "1"])
            #expect(try fixture.views().count == 1)
        }
    }

    @Test func pathsNotOnTheSiteAndBadBodiesAre400AndNotRecorded() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            #expect(try fixture.send(#"{"path":"/products/coat/"}"#).status == 400)
            #expect(try fixture.send(#"{"path":"/etc/passwd"}"#).status == 400)
            #expect(try fixture.send(#"{"path":"/../data/shelf.sqlite"}"#).status == 400)
            #expect(try fixture.send(#"{"path":"/","width":-5}"#).status == 400)
            #expect(try fixture.send("{\"path\":\"/\u{FFFD}").status == 400)
            #expect(try fixture.views().isEmpty)
        }
    }

    @Test func oversizedBodiesAreRefusedBeforeTheyAreRead() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            let huge = #"{"path":"/"# + String(repeating: "a", count: 100_000) + #""}"#
            #expect(try fixture.send(huge).status == 413)
            #expect(try fixture.views().isEmpty)
        }
    }

    @Test func getIs405() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            #expect(try fixture.send("", method: "GET").status == 405)
        }
    }

    @Test func postsFromAnotherSiteAreTakenButLimitedPerVisitor() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let fixture = try BeaconFixture(directory)
            fixture.settings = "[analytics]\nbeacons_per_minute = 5\n"
            for _ in 0..<20 {
                #expect(try fixture.send(#"{"path":"/"}"#, origin: "https://elsewhere.example").status == 204)
            }
            #expect(try fixture.views().count == 5)
            _ = try fixture.send(#"{"path":"/"}"#, client: "198.51.100.7")
            #expect(try fixture.views().count == 6)
        }
    }
}
