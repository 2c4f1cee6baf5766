import ShelfCrypto

/// Stripe's webhook signature scheme, also used by the built-in test provider.
///
/// The `Stripe-Signature` header is `t=TIMESTAMP,v1=HEX[,v1=HEX…][,v0=…]`. The signature is
/// HMAC-SHA256, keyed with the endpoint's secret, of `TIMESTAMP.BODY`. Any `v1` may match (two
/// appear while a secret is being rolled); other schemes never count; the timestamp must be
/// within the tolerance of now, either way, so an old captured request cannot be replayed.
public enum WebhookSignature {
    public static let tolerance: Int64 = 300

    /// Throws unless `header` carries a valid, fresh signature of `body` under `secret`.
    public static func verify(header: String?, body: [UInt8], secret: String, now: Int64) throws(WebhookError) {
        guard let header, !header.isEmpty else { throw .missing }
        var timestamps: [Int64] = []
        var candidates: [[UInt8]] = []
        for item in header.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw .malformed }
            let key = pair[0].trimmingCharacters(in: [" "])
            let value = String(pair[1])
            if key == "t" {
                guard value.count <= 12, value.allSatisfy({ $0.isASCII && $0.isNumber }), let time = Int64(value) else { throw .malformed }
                timestamps.append(time)
            } else if key == "v1", let bytes = Hex.decode(value), bytes.count == 32 {
                candidates.append(bytes)
            }
        }
        guard timestamps.count == 1, let timestamp = timestamps.first else { throw .malformed }
        guard !candidates.isEmpty else { throw .noSignature }
        guard abs(now - timestamp) <= tolerance else { throw .outsideTolerance }
        let expected = Digest.hmacSHA256(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body)
        // Every candidate is compared, matched or not, in constant time each.
        var matched = false
        for candidate in candidates where Digest.constantTimeEquals(candidate, expected) { matched = true }
        guard matched else { throw .mismatch }
    }

    /// The header a sender puts on `body` at `time`.
    public static func header(for body: [UInt8], secret: String, at time: Int64) -> String {
        let signature = Digest.hmacSHA256(key: Array(secret.utf8), message: Array("\(time).".utf8) + body)
        return "t=\(time),v1=\(Hex.encode(signature))"
    }
}

/// Why a webhook was refused; every case answers 400 and is logged, none is shown in detail.
public enum WebhookError: Error, Hashable, Sendable {
    case missing, malformed, noSignature, outsideTolerance, mismatch
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) })
    }
}
