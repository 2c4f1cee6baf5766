/// A symbol being drawn: the function patterns (finders, timing, alignment, format and version
/// areas), then the codewords in the zigzag ISO/IEC 18004 prescribes, then a mask.
struct QRLayout {
    let version: QRVersion
    let size: Int
    /// Row after row, true where dark.
    var modules: [Bool]
    /// True where a function pattern is, which data and masks leave alone.
    var isFunction: [Bool]

    init(version: QRVersion) {
        self.version = version
        size = version.size
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    /// Sets a module and marks it as part of a function pattern.
    mutating func set(_ row: Int, _ column: Int, dark: Bool) {
        modules[row * size + column] = dark
        isFunction[row * size + column] = true
    }

    private mutating func drawFunctionPatterns() {
        for index in 0..<size {
            set(6, index, dark: index.isMultiple(of: 2))
            set(index, 6, dark: index.isMultiple(of: 2))
        }
        for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] { drawFinder(centre: (row, column)) }
        // Alignment patterns everywhere on the grid of centres but where the finders are.
        let centres = version.alignmentCentres
        for row in centres {
            for column in centres where ![(6, 6), (6, size - 7), (size - 7, 6)].contains(where: { $0 == (row, column) }) {
                drawAlignment(centre: (row, column))
            }
        }
        // Reserved now, written once the mask is known.
        drawFormatBits(0)
        if version.number >= 7 { drawVersionBits() }
    }

    /// A 7×7 finder and the light separator around it, clipped at the edges.
    private mutating func drawFinder(centre: (Int, Int)) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (row, column) = (centre.0 + dy, centre.1 + dx)
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = max(abs(dx), abs(dy))
                set(row, column, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignment(centre: (Int, Int)) {
        for dy in -2...2 {
            for dx in -2...2 { set(centre.0 + dy, centre.1 + dx, dark: max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Writes `codewords` into the modules no function pattern holds: two columns at a time from
    /// the right, upwards then downwards, skipping the vertical timing line; leftover modules
    /// (the remainder bits) stay light.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = ((size - 1 - right) / 2).isMultiple(of: 2)
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !isFunction[row * size + column] {
                    if index < codewords.count * 8 {
                        modules[row * size + column] = codewords[index / 8] >> (7 - index % 8) & 1 == 1
                    }
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// A copy with data mask `mask` applied and its format bits written.
    func masked(_ mask: Int) -> QRLayout {
        var copy = self
        for row in 0..<size {
            for column in 0..<size where !isFunction[row * size + column] {
                if Self.inverts(mask, row, column) { copy.modules[row * size + column].toggle() }
            }
        }
        copy.drawFormatBits(mask)
        return copy
    }

    /// The eight data mask conditions (ISO/IEC 18004 table 10).
    private static func inverts(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }
}
