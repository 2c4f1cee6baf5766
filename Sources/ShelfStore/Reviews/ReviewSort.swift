/// The orders a page of a product's reviews comes in; each breaks ties by the newest first,
/// then by the higher id, so a review never shows on two pages of one sort.
public enum ReviewSort: String, Hashable, Sendable, CaseIterable {
    case newest
    case highest
    case lowest
    /// The most "Yes" votes first, then the fewest "No" votes.
    case helpful

    /// What the sort menu says.
    public var label: String {
        switch self {
        case .newest: "Newest"
        case .highest: "Highest rated"
        case .lowest: "Lowest rated"
        case .helpful: "Most helpful"
        }
    }

    /// The `ORDER BY` of the reviews query; a fixed text per case, never input.
    var orderBy: String {
        switch self {
        case .newest: "created_at DESC, id DESC"
        case .highest: "rating DESC, created_at DESC, id DESC"
        case .lowest: "rating ASC, created_at DESC, id DESC"
        case .helpful: "helpful_count DESC, unhelpful_count ASC, created_at DESC, id DESC"
        }
    }
}
