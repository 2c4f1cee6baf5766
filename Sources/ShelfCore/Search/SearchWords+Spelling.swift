extension SearchWords {
    /// The shortest word that typo tolerance corrects: a four-letter word one edit away from
    /// another is too often a different word (`tee`, `tea`).
    public static let shortestCorrectedWord = 5

    /// `word` with each one of its characters left out in turn, and `word` itself: two words
    /// are at most one edit apart only if these sets of theirs meet, so an index of every
    /// vocabulary word's set finds a typo's candidates with one indexed lookup.
    ///
    /// ```swift
    /// SearchWords.deletions(of: "wool")  // ["wool", "ool", "wol", "woo"]
    /// ```
    public static func deletions(of word: String) -> [String] {
        let characters = Array(word)
        var seen: Set<String> = [word]
        var all = [word]
        for index in characters.indices {
            var shorter = characters
            shorter.remove(at: index)
            let text = String(shorter)
            if seen.insert(text).inserted { all.append(text) }
        }
        return all
    }

    /// The number of single-character insertions, deletions, substitutions and swaps of two
    /// neighbours that turn `a` into `b` (optimal string alignment distance).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
