public import ShelfCore

/// The review settings (`[reviews]` in `shelf.toml`).
///
/// ```toml
/// [reviews]
/// moderation = "pre"       # "pre": a review waits for `shelf reviews approve` (the default)
///                          # "post": a review shows at once; the merchant can still reject it
/// on_page = 5              # the newest approved reviews a product page shows
/// hide_after_reports = 3   # shoppers' reports that hide a review until the merchant decides
/// fit_categories = ["women", "men"]  # ask how it fits in these categories (default: sized products)
/// ```
public struct ReviewSettings: Sendable, Hashable {
    /// When a buyer's review is shown: after the merchant approves it, or at once.
    public enum Moderation: String, Sendable, Hashable, CaseIterable {
        /// Reviews wait for the merchant's approval.
        case pre
        /// Reviews show at once; the merchant may reject them later.
        case post
    }

    public var moderation = Moderation.pre
    /// How many of the newest approved reviews a product page shows; the rest are a link away.
    public var onPage = 5
    /// At this many reports a review is flagged: hidden until the merchant approves or rejects it.
    public var hideAfterReports = 3
    /// Which products the form asks how they fit, and whose pages show the answers.
    public var fitQuestion = FitQuestion.sizedProducts

    public init() {}

    /// Reads `[reviews]`; `categories` are the declared category handles `fit_categories` may name.
    init(_ reader: TOMLReader, categories: [String]) throws(SiteError) {
        guard let section = try reader.table("reviews") else { return }
        try section.allowOnly(["moderation", "on_page", "hide_after_reports", "fit_categories"])
        if let text = try section.string("moderation") {
            guard let value = Moderation(rawValue: text) else {
                throw section.error(
                    at: "moderation", "moderation \"\(text)\" must be \"pre\" (reviews wait for approval) or \"post\" (shown at once)")
            }
            moderation = value
        }
        onPage = try section.int("on_page", in: 0...50) ?? onPage
        hideAfterReports = try section.int("hide_after_reports", in: 1...1000) ?? hideAfterReports
        if let apparel = try section.strings("fit_categories") {
            for (index, handle) in apparel.enumerated() {
                guard categories.contains(handle) else {
                    throw section.error(
                        at: "fit_categories",
                        "fit_categories names \"\(handle)\", which is not a declared category; add a [[categories]] entry with handle = \"\(handle)\" or remove it"
                    )
                }
                guard !apparel[..<index].contains(handle) else {
                    throw section.error(at: "fit_categories", "fit_categories names \"\(handle)\" twice; keep one")
                }
            }
            fitQuestion = .categories(apparel)
        }
    }
}
