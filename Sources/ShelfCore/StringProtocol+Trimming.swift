extension StringProtocol {
    /// Without leading and trailing white space.
    public var trimmingSpaces: String {
        // Most values start and end with a visible ASCII character, which can be neither white
        // space nor part of a character that is: no need to look up Unicode properties then.
        let text = String(self)
        let isVisibleASCII = { (byte: UInt8?) in byte.map { (0x21...0x7E).contains($0) } ?? false }
        if isVisibleASCII(text.utf8.first), isVisibleASCII(text.utf8.last) { return text }
        return text.trimming { $0.isWhitespace }
    }

    /// Without the leading and trailing characters that are in `set`.
    public func trimmingCharacters(in set: String) -> String { trimming { set.contains($0) } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        var slice = self[...]
        while let first = slice.first, drop(first) { slice = slice.dropFirst() }
        while let last = slice.last, drop(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
