import ShelfStore
import Testing

@testable import ShelfHTTP

/// When the runtime may wait before it writes the analytics events a process keeps.
@Suite struct EventBatchTests {
    static let event = VisitorEvent(AnalyticsEvent(.cartAdd, detail: "TEE-S"), visitor: String(repeating: "a", count: 32), at: 0)

    @Test func keepsNothingAndHasNothingToWaitForUntilTurnedOn() {
        let batch = EventBatch()
        #expect(!batch.keep(Self.event))
        #expect(batch.quietWait == nil)
        #expect(!batch.isDue)
    }

    @Test func waitsAtMostTheQuietSpellWhileEventsAreHeld() throws {
        let batch = EventBatch()
        batch.keepEvents()
        #expect(batch.keep(Self.event))
        let wait = try #require(batch.quietWait)
        #expect((0...EventBatch.quietSpell).contains(wait))
        #expect(batch.take() == [Self.event])
        #expect(batch.quietWait == nil)
    }

    @Test func aFullBatchIsDue() {
        let batch = EventBatch()
        batch.keepEvents()
        for _ in 0..<EventBatch.capacity { #expect(batch.keep(Self.event)) }
        #expect(batch.isDue)
        #expect(batch.take().count == EventBatch.capacity)
        #expect(!batch.isDue)
    }

    @Test func theEventsOfAGroupThatWasNotCommittedAreForgotten() {
        let batch = EventBatch()
        batch.keepEvents()
        let kept = VisitorEvent(AnalyticsEvent(.cartAdd, detail: "TEE-M"), visitor: String(repeating: "b", count: 32), at: 0)
        #expect(batch.keep(kept))
        let mark = batch.heldCount
        #expect(batch.keep(Self.event))
        #expect(batch.keep(Self.event))
        batch.forget(keptAfter: mark)
        #expect(batch.take() == [kept])
    }
}
