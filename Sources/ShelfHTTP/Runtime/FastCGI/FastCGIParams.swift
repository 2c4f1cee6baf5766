/// Reads the name-value pairs of a request's `PARAMS` stream as its CGI variables.
///
/// A length is one byte when under 128, otherwise four big-endian bytes with the top bit set.
/// A pair cut short by the end of the stream, and what follows it, is dropped: the request then
/// lacks those variables and gets its 400. Only where each pair lies is noted; the bytes stay as
/// they came (``CGIVariables``).
enum FastCGIParams {
    static func variables(_ bytes: [UInt8]) -> CGIVariables {
        var pairs: [CGIVariables.Pair] = []
        pairs.reserveCapacity(40)
        bytes.withUnsafeBufferPointer { buffer in
            var at = 0
            func length() -> Int? {
                guard at < buffer.count else { return nil }
                if buffer[at] < 0x80 {
                    defer { at += 1 }
                    return Int(buffer[at])
                }
                guard buffer.count - at >= 4 else { return nil }
                defer { at += 4 }
                return Int(buffer[at] & 0x7F) << 24 | Int(buffer[at + 1]) << 16 | Int(buffer[at + 2]) << 8 | Int(buffer[at + 3])
            }
            // The stream is at most ``FastCGIConnection/paramsLimit`` long, so every place fits 32 bits.
            while let nameLength = length(), let valueLength = length() {
                guard buffer.count - at >= nameLength, buffer.count - at - nameLength >= valueLength else { return }
                pairs.append(
                    CGIVariables.Pair(
                        nameStart: Int32(at), valueStart: Int32(at + nameLength), valueEnd: Int32(at + nameLength + valueLength)))
                at += nameLength + valueLength
            }
        }
        return CGIVariables(bytes: bytes, pairs: pairs)
    }
}
