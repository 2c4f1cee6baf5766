import Foundation
public import ShelfCore

/// What the theme's `partials/review-summary` and `partials/review` receive: the same values
/// for the product page `shelf build` writes and the reviews function's page, so both read alike.
///
/// ```swift
/// let summary = ReviewTemplateValues.summary(summaries["tee"]!)
/// summary["stars_label"]   // "4.6 out of 5 stars"
/// ```
public enum ReviewTemplateValues {
    /// The reasons the report form offers, as `value` and `label`.
    public static var reasons: [[String: Any]] { ReportReason.allCases.map { ["value": $0.rawValue, "label": $0.label] } }

    /// The first page of all approved reviews of `handle`, newest first, as the reviews
    /// function answers it: `/fn/reviews?product=organic-tee`.
    public static func allReviewsURL(of handle: String) -> String {
        "/fn/reviews?product=" + PercentEncoding.encode(handle, spaceAsPlus: true)
    }

    /// The average with its stars, the count, the distribution 5 to 1 and, unless `showsFit` is
    /// false (a product the store does not ask how it fits), the fit feedback.
    public static func summary(_ summary: ReviewSummary, showsFit: Bool = true) -> [String: Any] {
        let average = "\(summary.averageTenths / 10).\(summary.averageTenths % 10)"
        var values: [String: Any] = [
            "average": average,
            "stars": stars(rounding: summary.averageTenths),
            "stars_label": "\(average) out of 5 stars",
            "count": summary.count,
            "count_label": summary.count == 1 ? "1 review" : "\(summary.count) reviews",
            "distribution": (1...5).reversed().map { rating -> [String: Any] in
                [
                    "rating": rating, "label": rating == 1 ? "1 star" : "\(rating) stars", "count": summary.stars[rating - 1],
                    "total": summary.count,
                ]
            },
        ]
        if showsFit, summary.hasFitFeedback {
            values["fit"] = "Runs small: \(summary.runsSmall), True to size: \(summary.trueToSize), Runs large: \(summary.runsLarge)"
        }
        return values
    }

    /// One review: stars, title, paragraphs, name, day, fit, the merchant's reply and what the
    /// vote and report forms need; `back` is the page the forms return to.
    public static func review(_ review: Review, days: DayFormatter, back: String) -> [String: Any] {
        var values: [String: Any] = [
            "id": String(review.id),
            "rating": review.rating,
            "stars": stars(rounding: review.rating * 10),
            "stars_label": review.rating == 1 ? "1 out of 5 stars" : "\(review.rating) out of 5 stars",
            "title": review.title,
            "paragraphs": paragraphs(review.body),
            "name": review.displayName,
            "date": days.string(seconds: review.createdAt),
            "datetime": CalendarDay.of(review.createdAt),
            "helpful": review.helpfulCount,
            "unhelpful": review.unhelpfulCount,
            "back": back,
            "reasons": reasons,
        ]
        if let fit = review.fit {
            values["fit"] = fit == .small ? "Runs small" : fit == .large ? "Runs large" : "True to size"
        }
        if let reply = review.reply, !reply.isEmpty { values["reply"] = ["paragraphs": paragraphs(reply)] as [String: Any] }
        return values
    }

    /// Five stars as text, `★` for each whole star of the rounded rating and `☆` for the rest;
    /// the page gives the number in words beside them.
    public static func stars(rounding tenths: Int) -> String {
        let full = min(max((tenths + 5) / 10, 0), 5)
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full)
    }

    /// Plain text cut into paragraphs at blank lines, each line's breaks kept as spaces.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}
