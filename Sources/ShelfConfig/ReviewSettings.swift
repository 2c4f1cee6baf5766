/// The review settings (`[reviews]` in `shelf.toml`).
///
/// ```toml
/// [reviews]
/// moderation = "pre"   # "pre": a review waits for `shelf reviews approve` (the default)
///                      # "post": a review shows at once; the merchant can still reject it
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

    public init() {}

    init(_ reader: TOMLReader) throws(SiteError) {
        guard let section = try reader.table("reviews") else { return }
        try section.allowOnly(["moderation"])
        if let text = try section.string("moderation") {
            guard let value = Moderation(rawValue: text) else {
                throw section.error(
                    at: "moderation", "moderation \"\(text)\" must be \"pre\" (reviews wait for approval) or \"post\" (shown at once)")
            }
            moderation = value
        }
    }
}
