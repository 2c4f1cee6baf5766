import ShelfCrypto
import Testing

@Suite struct SystemRandomTests {
    @Test func givesExactlyTheBytesAskedFor() {
        for count in [0, 1, 32, 256, 257, 70_000] {
            #expect(SystemRandom().bytes(count).count == count)
        }
    }

    @Test func twoDrawsDiffer() {
        #expect(SystemRandom().bytes(32) != SystemRandom().bytes(32))
    }

    /// Every byte value turns up in 70,000 bytes (each is missing with odds of about e^-273):
    /// a buffer left partly unfilled, or filled from too few bits, would fail.
    @Test func fillsTheWholeBufferWithEveryValue() {
        let bytes = SystemRandom().bytes(70_000)
        #expect(Set(bytes).count == 256)
        #expect(Set(bytes.suffix(1_000)).count > 200)
    }
}
