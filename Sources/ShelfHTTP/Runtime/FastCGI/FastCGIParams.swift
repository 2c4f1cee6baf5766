/// Decodes the name-value pairs of a request's `PARAMS` stream into its CGI variables.
///
/// A length is one byte when under 128, otherwise four big-endian bytes with the top bit set.
/// A pair cut short by the end of the stream, and what follows it, is dropped: the request then
/// lacks those variables and gets its 400.
enum FastCGIParams {
    static func decode(_ bytes: [UInt8]) -> [String: String] {
        var variables: [String: String] = [:]
        variables.reserveCapacity(32)
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
            while let nameLength = length(), let valueLength = length() {
                guard buffer.count - at >= nameLength, buffer.count - at - nameLength >= valueLength else { return }
                let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + nameLength]), as: UTF8.self)
                at += nameLength
                variables[name] = String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + valueLength]), as: UTF8.self)
                at += valueLength
            }
        }
        return variables
    }
}
