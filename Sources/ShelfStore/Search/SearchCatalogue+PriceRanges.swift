extension SearchCatalogue {
    /// Price ranges that split `prices` (each product's lowest) roughly into quarters, at round
    /// amounts: the quartiles rounded to the nearest 1, 2, 2.5 or 5 times a power of ten (in
    /// minor units, so any currency gets round steps), without duplicates. Products from 29.00,
    /// 39.00, 89.00 and 249.00 give under 50, 50–100, 100–250 and 250 and over; each range
    /// ends one minor unit below the next one's start.
    static func priceRanges(of prices: [Int64]) -> [ClosedRange<Int64>] {
        let sorted = prices.sorted()
        guard sorted.count > 1 else { return [] }
        var steps: [Int64] = []
        for quarter in 1...3 {
            let step = roundAmount(sorted[sorted.count * quarter / 4])
            if step > 0, step > (steps.last ?? 0) { steps.append(step) }
        }
        guard !steps.isEmpty else { return [] }
        let starts = [0] + steps
        return starts.indices.map { index in
            starts[index]...(index + 1 < starts.count ? starts[index + 1] - 1 : .max)
        }
    }

    /// The amount of the form 1, 2, 2.5 or 5 × 10ⁿ (or 10ⁿ⁺¹) nearest `amount`.
    static func roundAmount(_ amount: Int64) -> Int64 {
        guard amount >= 10 else { return max(amount, 0) }
        var power: Int64 = 1
        while power <= amount / 10 { power *= 10 }
        let candidates = [power, 2 * power, power * 5 / 2, 5 * power, 10 * power]
        return candidates.min { abs($0 - amount) < abs($1 - amount) } ?? amount
    }
}
