/// What ``Store/copy(to:replacingData:)`` copied, table by table, with the tally of each table
/// on both sides.
public struct DatabaseCopy: Sendable {
    /// One table: its tally in the source's snapshot and in the target after the copy.
    public struct Table: Sendable {
        public let name: String
        public let source: TableTally
        public let target: TableTally

        /// True when both sides hold the same rows, sums and characters.
        public var matches: Bool { source == target }

        /// The columns whose sums differ, for the merchant; empty when they all agree.
        public var differingColumns: [String] {
            Set(source.sums.keys).union(target.sums.keys).filter { source.sums[$0] != target.sums[$0] }.sorted()
        }
    }

    /// Every table, parents before the tables that refer to them.
    public let tables: [Table]
    /// The migrations the copy applied to the target first (none when it was up to date).
    public let migrated: [String]

    /// True when every table matches.
    public var matches: Bool { tables.allSatisfy(\.matches) }
}
