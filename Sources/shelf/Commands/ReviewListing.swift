import ShelfCore
import ShelfStore

/// `shelf reviews list` as text for a terminal or as JSON.
enum ReviewListing {
    static func text(_ reviews: [Review]) -> String {
        guard !reviews.isEmpty else { return "(no reviews)\n" }
        return reviews.map { review in
            var lines = [
                "#\(review.id)  \(review.status.rawValue)  \(review.productHandle)  \(stars(review.rating))  order \(OrderNumber(id: review.orderID)) line \(review.line)  \(time(review.createdAt))",
                "  \(review.title) — \(review.displayName)",
            ]
            lines += review.body.split(separator: "\n", omittingEmptySubsequences: false).map { "  > \($0)" }
            if let fit = review.fit { lines.append("  fit: \(fit.rawValue)") }
            if review.reportCount > 0 { lines.append("  reports: \(review.reportCount)") }
            if let reply = review.reply { lines.append("  reply: \(reply)") }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    static func json(_ reviews: [Review]) -> String {
        JSON.array(
            reviews.map { review in
                .object([
                    ("id", .number(String(review.id))), ("status", .string(review.status.rawValue)),
                    ("product", .string(review.productHandle)), ("order", .string(OrderNumber(id: review.orderID).description)),
                    ("line", .number(String(review.line))), ("rating", .number(String(review.rating))), ("title", .string(review.title)),
                    ("body", .string(review.body)), ("fit", review.fit.map { .string($0.rawValue) } ?? .null),
                    ("display_name", .string(review.displayName)), ("reply", review.reply.map { .string($0) } ?? .null),
                    ("helpful", .number(String(review.helpfulCount))), ("reports", .number(String(review.reportCount))),
                    ("created_at", .string(time(review.createdAt))), ("updated_at", .string(time(review.updatedAt))),
                ])
            }
        ).text + "\n"
    }

    private static func stars(_ rating: Int) -> String {
        String(repeating: "★", count: rating) + String(repeating: "☆", count: 5 - rating)
    }
}
