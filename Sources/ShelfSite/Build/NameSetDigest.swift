/// An order-independent digest of a set of file names: a folder listed in whatever order
/// `getdents` gives its names digests as the same names taken from the sorted state table do.
///
/// Each name's FNV-1a hash (`StableHasher`) is summed, and a remixed copy of it (splitmix64's
/// finaliser) xor-ed, so one name swapped for another goes unseen only if both 64-bit parts
/// collide; comparing names this way costs one hash a name instead of a binary search.
struct NameSetDigest: Equatable, Sendable {
    private(set) var count = 0
    private var sum: UInt64 = 0
    private var mixed: UInt64 = 0

    mutating func insert(_ name: UnsafeRawBufferPointer) {
        var hasher = StableHasher()
        hasher.combine(name)
        let hash = hasher.value
        count += 1
        sum &+= hash
        var bits = hash &+ 0x9e37_79b9_7f4a_7c15
        bits = (bits ^ (bits >> 30)) &* 0xbf58_476d_1ce4_e5b9
        bits = (bits ^ (bits >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= bits ^ (bits >> 31)
    }

    /// The digest of both sets' names together (the sets hold no name in common).
    mutating func merge(_ other: NameSetDigest) {
        count += other.count
        sum &+= other.sum
        mixed ^= other.mixed
    }
}
