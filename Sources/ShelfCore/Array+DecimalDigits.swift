extension [UInt8] {
    /// Appends `value` in decimal ASCII digits, at least `minimumDigits` of them (zeros in
    /// front), with `separator` between groups of three when it is not empty: numbers and
    /// prices written into a JSON answer or a page without a `String` for each.
    ///
    /// ```swift
    /// bytes.appendDigits(of: 1_234_567, groupedWith: Array(",".utf8))   // 1,234,567
    /// bytes.appendDigits(of: 5, minimumDigits: 2)                       // 05
    /// ```
    mutating func appendDigits(of value: UInt64, minimumDigits: Int = 1, groupedWith separator: [UInt8] = []) {
        // UInt64.max has 20 digits; a wider minimum is only ever a currency's exponent.
        let capacity = Swift.max(20, minimumDigits)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { digits in
            var rest = value
            var start = capacity
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            while capacity - start < minimumDigits {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            let count = capacity - start
            guard !separator.isEmpty, count > 3 else {
                append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
                return
            }
            for offset in 0..<count {
                if offset > 0, (count - offset) % 3 == 0 { append(contentsOf: separator) }
                append(digits[start + offset])
            }
        }
    }
}
