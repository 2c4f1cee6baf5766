/// Why a shopper reports a review; the reasons the report form offers, as stored.
public enum ReportReason: String, Hashable, Sendable, CaseIterable {
    case spam
    case offensive
    case offTopic = "off_topic"
    case personalData = "personal_data"
    case other

    /// The reason as the report form words it.
    public var label: String {
        switch self {
        case .spam: "Spam or advertising"
        case .offensive: "Offensive or hateful"
        case .offTopic: "Not about the product"
        case .personalData: "Shares personal information"
        case .other: "Something else"
        }
    }
}

/// What became of a helpful vote or a report.
public enum ReviewFeedback: Hashable, Sendable {
    /// Counted (or, for a second vote, changed); the review as it now stands.
    case counted(Review)
    /// No approved review has that id: unknown, or hidden meanwhile.
    case unknownReview
    /// The voter already gave ``Store/feedbackPerVoterPerDay`` votes or reports today.
    case tooMany
}
