extension StringProtocol {
    /// Without leading and trailing white space.
    public var trimmingSpaces: String { trimming { $0.isWhitespace } }

    /// Without the leading and trailing characters that are in `set`.
    public func trimmingCharacters(in set: String) -> String { trimming { set.contains($0) } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        var slice = self[...]
        while let first = slice.first, drop(first) { slice = slice.dropFirst() }
        while let last = slice.last, drop(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
