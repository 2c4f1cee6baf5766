extension QRLayout {
    /// How hard the symbol is to read, by the standard's four rules: long runs, 2×2 blocks,
    /// patterns that look like a finder, and an imbalance of dark and light. The lowest wins.
    var penalty: Int {
        var total = 0
        for line in lines {
            // Runs of five or more modules of one colour: 3, plus 1 per module past five.
            var run = 1
            for index in 1...line.count {
                if index < line.count, line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { total += run - 2 }
                    run = 1
                }
            }
            // Dark-light-dark×3-light-dark with four light modules on one side: 40 each.
            if line.count >= 11 {
                for start in 0...(line.count - 11) {
                    let window = Array(line[start..<start + 11])
                    if window == Self.finderLikeBefore || window == Self.finderLikeAfter { total += 40 }
                }
            }
        }
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let colour = modules[row * size + column]
                if modules[row * size + column + 1] == colour, modules[(row + 1) * size + column] == colour,
                    modules[(row + 1) * size + column + 1] == colour
                {
                    total += 3
                }
            }
        }
        // 10 for every 5 % that dark modules stray from half.
        let dark = modules.count { $0 }
        total += 10 * (abs(dark * 20 - modules.count * 10) / modules.count)
        return total
    }

    /// Every row, then every column.
    private var lines: [[Bool]] {
        (0..<size).map { row in Array(modules[row * size..<(row + 1) * size]) }
            + (0..<size).map { column in (0..<size).map { modules[$0 * size + column] } }
    }

    private static let finderLikeBefore = [true, false, true, true, true, false, true, false, false, false, false]
    private static let finderLikeAfter = [false, false, false, false, true, false, true, true, true, false, true]
}
