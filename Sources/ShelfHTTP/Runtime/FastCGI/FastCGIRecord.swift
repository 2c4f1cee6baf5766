/// The FastCGI 1.0 record types, flags and statuses a responder reads and writes.
///
/// Every record is an 8-byte header (version 1, type, request id and content length as
/// big-endian 16-bit numbers, padding length, a reserved byte), the content, then the padding.
enum FastCGIRecord {
    static let headerLength = 8
    /// The most content one record carries.
    static let maxContent = 65535
    /// The content per `STDOUT` record when an answer is cut into several: a multiple of 8, so
    /// only the last record needs padding.
    static let chunk = 65528

    static let beginRequest: UInt8 = 1
    static let abortRequest: UInt8 = 2
    static let endRequest: UInt8 = 3
    static let params: UInt8 = 4
    static let stdin: UInt8 = 5
    static let stdout: UInt8 = 6
    static let getValues: UInt8 = 9
    static let getValuesResult: UInt8 = 10
    static let unknownType: UInt8 = 11

    /// The one role Shelf's functions play.
    static let responderRole = 1
    /// `BEGIN_REQUEST` flag: the server keeps the connection open for more requests.
    static let keepConnection: UInt8 = 1

    /// `END_REQUEST` protocol statuses.
    static let requestComplete: UInt8 = 0
    static let cannotMultiplex: UInt8 = 1
    static let unknownRole: UInt8 = 3

    /// Appends one record of `content` with the padding that aligns it to 8 bytes.
    static func append(
        type: UInt8, id: Int, content: some Collection<UInt8>, to bytes: inout [UInt8]
    ) {
        let length = content.count
        let padding = (8 - length % 8) % 8
        // Byte by byte: an array literal here was an allocation per record, three per answer.
        bytes.append(1)
        bytes.append(type)
        bytes.append(UInt8(truncatingIfNeeded: id >> 8))
        bytes.append(UInt8(truncatingIfNeeded: id))
        bytes.append(UInt8(truncatingIfNeeded: length >> 8))
        bytes.append(UInt8(truncatingIfNeeded: length))
        bytes.append(UInt8(padding))
        bytes.append(0)
        bytes.append(contentsOf: content)
        if padding > 0 { bytes.append(contentsOf: repeatElement(0, count: padding)) }
    }

    /// The `END_REQUEST` record of request `id`.
    static func appendEnd(id: Int, status: UInt8, to bytes: inout [UInt8]) {
        // The application status (0, four bytes), the protocol status, three reserved bytes.
        append(type: endRequest, id: id, content: repeatElement(0, count: 8), to: &bytes)
        bytes[bytes.count - 4] = status
    }

    /// ``answer(_:id:)`` of `response`'s CGI bytes, written straight into the records: an answer
    /// that fits one record (any cart answer) is not built once and then copied.
    static func answer(_ response: Response, id: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(response.cgiCapacity + 4 * headerLength + 8)
        bytes += repeatElement(0, count: headerLength)
        response.appendCGI(to: &bytes)
        let length = bytes.count - headerLength
        guard length <= chunk else { return answer(Array(bytes[headerLength...]), id: id) }
        let padding = (8 - length % 8) % 8
        // Set in place: replacing the range with an array literal made that array first.
        bytes[0] = 1
        bytes[1] = stdout
        bytes[2] = UInt8(truncatingIfNeeded: id >> 8)
        bytes[3] = UInt8(truncatingIfNeeded: id)
        bytes[4] = UInt8(truncatingIfNeeded: length >> 8)
        bytes[5] = UInt8(truncatingIfNeeded: length)
        bytes[6] = UInt8(padding)
        if padding > 0 { bytes += repeatElement(0, count: padding) }
        append(type: stdout, id: id, content: EmptyCollection(), to: &bytes)
        appendEnd(id: id, status: requestComplete, to: &bytes)
        return bytes
    }

    /// An answer as the `STDOUT` records of request `id`, the empty one that ends the stream,
    /// and `END_REQUEST`: everything a request's answer is, for one write.
    static func answer(_ output: [UInt8], id: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(output.count + 8 * (output.count / chunk + 4) + 8)
        var start = 0
        while start < output.count {
            let end = min(start + chunk, output.count)
            append(type: stdout, id: id, content: output[start..<end], to: &bytes)
            start = end
        }
        append(type: stdout, id: id, content: EmptyCollection(), to: &bytes)
        appendEnd(id: id, status: requestComplete, to: &bytes)
        return bytes
    }
}
