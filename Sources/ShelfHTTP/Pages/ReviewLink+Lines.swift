import ShelfCore
public import ShelfStore

extension ReviewLink {
    /// The link for a line of a delivered order, good for ``lifetime`` after delivery; nil before
    /// delivery, once the merchant rejected the line's review (it can no longer change), and once
    /// the product is no longer sold (its link would only answer 410).
    public init?(_ line: ReviewableLine) {
        guard let delivered = line.deliveredAt, line.review?.status != .rejected, line.isSold else { return nil }
        self.init(order: OrderNumber(id: line.orderID), line: line.line, expires: delivered + Self.lifetime)
    }

    /// What a page or an email shows beside each reviewable line, by position: `href` (after
    /// `base`, "" for a page of the store) and `label`, "Write a review" or "Edit your review".
    public static func values(for lines: [ReviewableLine], base: String = "", key: [UInt8]) -> [Int: [String: Any]] {
        var values: [Int: [String: Any]] = [:]
        for line in lines {
            guard let link = ReviewLink(line) else { continue }
            values[line.line] = [
                "href": base + link.path(key: key), "label": line.review == nil ? "Write a review" : "Edit your review",
                "title": line.title,
            ]
        }
        return values
    }
}
