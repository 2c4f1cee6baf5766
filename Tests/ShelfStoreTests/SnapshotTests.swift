import ShelfTesting
import Testing

@testable import ShelfStore

/// A read snapshot (what `shelf db copy` reads the store from) sees one moment of the database
/// and never holds up the store's writers.
struct SnapshotTests {
    @Test func aSnapshotSeesNoWriteMadeWhileItIsOpenAndHoldsNoWriterUp() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1])
            let writer = try directory.openStore()
            let seen = try store.database.snapshot {
                let before = try store.stockRow("TEE-M").onHand
                try writer.setStock("TEE-M", to: 5)
                return [before, try store.stockRow("TEE-M").onHand]
            }
            #expect(seen == [1, 1])
            #expect(try store.stockRow("TEE-M").onHand == 5)
        }
    }
}
