import ShelfCore

/// A bar chart of one number per day, as SVG drawn on the server: readable without JavaScript,
/// with a title and a description for screen readers; the same figures are in a table beside it.
struct AnalyticsChart {
    var title: String
    var values: [(label: String, value: Int64)]

    static let width = 600
    static let height = 160

    /// The `<svg>` element. Every text in it is escaped; the numbers are computed here.
    var svg: String {
        let most = max(1, values.map(\.value).max() ?? 1)
        let step = Double(Self.width) / Double(max(1, values.count))
        let bars = values.enumerated().map { index, entry in
            let height = Double(entry.value) / Double(most) * Double(Self.height - 20)
            let x = Double(index) * step
            return "<rect x=\"\(Int(x))\" y=\"\(Int(Double(Self.height) - height))\" width=\"\(max(1, Int(step * 0.8)))\" "
                + "height=\"\(Int(height))\"><title>\(Markup.escape(entry.label)): \(entry.value)</title></rect>"
        }
        let id = "chart-" + title.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: "-")
        return """
            <svg class="chart" viewBox="0 0 \(Self.width) \(Self.height)" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            preserveAspectRatio="none"><title id="\(id)-title">\(Markup.escape(title))</title>\
            <desc id="\(id)-desc">\(Markup.escape(description))</desc>\(bars.joined())</svg>
            """
    }

    /// The chart in one sentence: the range, the highest day and the total.
    var description: String {
        guard let first = values.first, let last = values.last, let top = values.max(by: { $0.value < $1.value }) else {
            return "No days."
        }
        let total = values.reduce(Int64(0)) { $0 + $1.value }
        return "\(first.label) to \(last.label): \(total) in all, most on \(top.label) (\(top.value))."
    }
}
