/// Text too long for a QR code of version 10 at level M.
public struct QRCodeTooLong: Error, CustomStringConvertible {
    public let byteCount: Int

    public var description: String {
        "\(byteCount) bytes do not fit a QR code: at most \(QRVersion.all.last?.byteCapacity ?? 0) do"
    }
}
