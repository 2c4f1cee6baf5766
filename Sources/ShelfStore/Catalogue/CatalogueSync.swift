/// What a catalogue sync changed, counted in products.
public struct CatalogueSync: Hashable, Sendable {
    /// Products the database did not have.
    public var added: Int
    /// Products whose title, flags, categories, variants, prices, options or variant pictures
    /// changed, including products the content itself marks unpublished.
    public var updated: Int
    /// Published products that are gone from the content and so were unpublished.
    public var unpublished: Int

    public init(added: Int = 0, updated: Int = 0, unpublished: Int = 0) {
        self.added = added
        self.updated = updated
        self.unpublished = unpublished
    }
}
