/// The review settings (`[reviews]` in `shelf.toml`).
///
/// ```toml
/// [reviews]
/// on_page = 5              # the newest approved reviews a product page shows
/// hide_after_reports = 3   # shoppers' reports that hide a review until the merchant decides
/// ```
public struct ReviewSettings: Sendable, Hashable {
    /// How many of the newest approved reviews a product page shows; the rest are a link away.
    public var onPage = 5
    /// At this many reports a review is flagged: hidden until the merchant approves or rejects it.
    public var hideAfterReports = 3

    public init() {}

    init(_ reader: TOMLReader) throws(SiteError) {
        guard let section = try reader.table("reviews") else { return }
        try section.allowOnly(["on_page", "hide_after_reports"])
        onPage = try section.int("on_page", in: 0...50) ?? onPage
        hideAfterReports = try section.int("hide_after_reports", in: 1...1000) ?? hideAfterReports
    }
}
