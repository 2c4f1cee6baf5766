import ShelfCore
import Testing

@Suite struct DayFormatterTests {
    @Test func aDayIsWrittenOutInTheStoresLocale() {
        #expect(DayFormatter(locale: "en-IE").string(day: "2026-11-25") == "25 November 2026")
        #expect(DayFormatter(locale: "en-US").string(day: "2026-11-25") == "November 25, 2026")
    }

    @Test func aMomentIsWrittenAsItsDayInUTC() {
        // 23:59:59 and then 00:00:00 UTC on 25/26 November 2026.
        #expect(DayFormatter(locale: "en-IE").string(seconds: 1_795_651_199) == "25 November 2026")
        #expect(DayFormatter(locale: "en-IE").string(seconds: 1_795_651_200) == "26 November 2026")
    }

    @Test func textThatIsNotADayComesBackUnchanged() {
        #expect(DayFormatter(locale: "en-IE").string(day: "soon") == "soon")
    }
}
