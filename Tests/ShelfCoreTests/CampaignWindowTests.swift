import ShelfCore
import Testing

@Suite struct CampaignWindowTests {
    @Test func runsFromItsStartUntilJustBeforeItsEnd() {
        let window = CampaignWindow(starts: 1000, ends: 2000)
        #expect(window.status(at: 999) == .scheduled)
        #expect(window.status(at: 1000) == .running)
        #expect(window.status(at: 1999) == .running)
        #expect(window.status(at: 2000) == .ended)
    }

    @Test func openEndsRunForever() {
        #expect(CampaignWindow().isRunning(at: 0))
        #expect(CampaignWindow(ends: 10).status(at: -5) == .running)
        #expect(CampaignWindow(starts: 10).status(at: 1_000_000) == .running)
    }

    @Test func nextChangeIsTheNextStartOrEnd() {
        let window = CampaignWindow(starts: 1000, ends: 2000)
        #expect(window.nextChange(after: 0) == 1000)
        #expect(window.nextChange(after: 1000) == 2000)
        #expect(window.nextChange(after: 2000) == nil)
    }

    @Test func timestampsReadOffsetsAndTellWhenNoneIsGiven() throws {
        #expect(Timestamp.seconds(parsing: "1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.seconds(parsing: "2026-12-05T13:00:00+01:00") == 1_796_472_000)
        #expect(Timestamp.seconds(parsing: "2026-12-05T12:00Z") == 1_796_472_000)
        #expect(Timestamp.seconds(parsing: "2024-02-29T00:00:00-05:30") == 1_709_184_600)
        let local = try #require(Timestamp(parsing: "2026-12-05T12:00"))
        #expect(local.offset == nil)
        #expect(local.seconds(offset: 3600) == 1_796_468_400)
        let day = try #require(Timestamp(parsing: "2026-12-05"))
        #expect(day.isDateOnly && day.wallClock == 1_796_428_800)
    }

    @Test func timestampsRefuseWhatIsNotAMoment() {
        for bad in [
            "", "2026-13-01", "2026-02-30", "2025-02-29", "26-12-05", "2026-12-05T25:00Z", "2026-12-05T12:60Z", "2026-12-05T12:00:61Z",
            "2026-12-05T12:00+1", "2026-12-05T12:00Zz", "2026-12-05X12:00", "tomorrow", "2026-12-05T12:00:00+01:00 ",
        ] {
            #expect(Timestamp(parsing: bad) == nil, "\(bad)")
        }
    }
}
