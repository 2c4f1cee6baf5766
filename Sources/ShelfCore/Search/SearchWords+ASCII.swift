extension SearchWords {
    /// Calls `body` with the parts of each space-separated word of `text`, the same parts
    /// ``unicodeChunks(of:)`` gives, reading plain ASCII stretches byte by byte and handing
    /// only the stretches with other characters to the Unicode path.
    ///
    /// A stretch ends at a run of ASCII spaces or control characters with an ASCII character
    /// on both sides: there no grapheme can join across (an emoji modifier or a prepended mark
    /// next to a space would), so the Unicode path reads its stretches as it reads the whole text.
    static func forEachChunk(of text: String, _ body: (_ parts: [String]) -> Void) {
        var parts: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var index = 0
        var ascii = true
        while index <= bytes.count {
            let end = index == bytes.count
            if !end, isSeparator(bytes[index]) {
                // The stretch closes only where ASCII stands on both sides of the separators.
                var after = index
                while after < bytes.count, isSeparator(bytes[after]) { after += 1 }
                let clean = index == 0 || bytes[index - 1] < 0x80
                let cleanAfter = after == bytes.count || bytes[after] < 0x80
                if clean, cleanAfter {
                    emit(bytes[start..<index], ascii: ascii, into: &parts, body)
                    start = after
                    ascii = true
                }
                index = after
                continue
            }
            if end {
                emit(bytes[start..<index], ascii: ascii, into: &parts, body)
                break
            }
            if bytes[index] >= 0x80 { ascii = false }
            index += 1
        }
    }

    private static func emit(
        _ stretch: ArraySlice<UInt8>, ascii: Bool, into parts: inout [String], _ body: (_ parts: [String]) -> Void
    ) {
        guard !stretch.isEmpty else { return }
        guard ascii else {
            for chunk in unicodeChunks(of: String(decoding: stretch, as: UTF8.self)) { body(chunk) }
            return
        }
        parts.removeAll(keepingCapacity: true)
        var part: [UInt8] = []
        for byte in stretch {
            if let lower = wordByte(byte) {
                part.append(lower)
            } else if !part.isEmpty {
                parts.append(String(decoding: part, as: UTF8.self))
                part.removeAll(keepingCapacity: true)
            }
        }
        if !part.isEmpty { parts.append(String(decoding: part, as: UTF8.self)) }
        if !parts.isEmpty { body(parts) }
    }

    /// ASCII spaces and control characters: what ``fold(_:)`` turns into spaces.
    private static func isSeparator(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

    /// The byte lower-cased if it is an ASCII letter or digit, else nil.
    private static func wordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
        default: nil
        }
    }
}

extension SearchWords {
    /// ``stem(_:)`` of an ASCII word, on its bytes: one character is one byte there.
    static func asciiStem(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count >= 4, bytes.last == UInt8(ascii: "s"),
            !bytes.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return word }
        func ends(_ ending: StaticString) -> Bool {
            let count = ending.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return bytes.suffix(count).elementsEqual(UnsafeBufferPointer(start: ending.utf8Start, count: count))
        }
        func dropping(_ count: Int) -> String { String(decoding: bytes.dropLast(count), as: UTF8.self) }
        if ends("ies"), bytes.count > 4 { return dropping(3) + "y" }
        if ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zzes") { return dropping(2) }
        if ends("ss") || ends("us") || ends("is") { return word }
        return dropping(1)
    }
}
