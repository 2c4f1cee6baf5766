import ShelfCore
import Testing

/// Day numbers of the analytics' `--from` and `--to`.
struct CalendarDayNumberTests {
    @Test func daysAreCountedFrom1970AndRoundTrip() {
        #expect(CalendarDay.number(of: "1970-01-01") == 0)
        #expect(CalendarDay.number(of: "1970-01-02") == 1)
        #expect(CalendarDay.number(of: "2000-03-01") == 11_017)
        for day: Int64 in [0, 59, 365, 11_016, 20_775, 2_932_896] {
            #expect(CalendarDay.number(of: CalendarDay.of(day * 86_400)) == day)
        }
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "1969-12-31", "2026-01-01x", "", "2026-0a-01"])
    func whatIsNotADayIsNil(text: String) {
        #expect(CalendarDay.number(of: text) == nil)
    }
}
