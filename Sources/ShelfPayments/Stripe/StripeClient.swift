import Glibc
public import ShelfCore

/// Stripe's API, the parts Shelf uses: Checkout Sessions, one-off coupons for our discounts,
/// and refunds. Every call carries an `Idempotency-Key` derived by the caller from the order
/// and attempt, and is retried with the same key when the answer is lost or Stripe is busy, so
/// a retry can never charge twice.
public struct StripeClient: Sendable {
    /// `https://api.stripe.com`, or a local stand-in in tests.
    public let api: String
    let secretKey: String
    let http: any HTTPClient
    /// Waits between tries, in seconds; tests pass zeros.
    let backoff: [Double]

    public init(api: String, secretKey: String, http: any HTTPClient = CurlClient(), backoff: [Double] = [0.5, 1.5]) {
        self.api = api.hasSuffix("/") ? String(api.dropLast()) : api
        self.secretKey = secretKey
        self.http = http
        self.backoff = backoff
    }

    /// POSTs `form` to `path`, retrying with the same key; returns the parsed JSON of a 2xx answer.
    public func post(_ path: String, form: FormBody, idempotencyKey: String) throws(PaymentError) -> JSON {
        try send(
            OutboundRequest(
                url: api + path,
                headers: [
                    ("Authorization", "Bearer \(secretKey)"), ("Idempotency-Key", idempotencyKey),
                    ("Content-Type", "application/x-www-form-urlencoded"), ("Stripe-Version", "2024-06-20"),
                ],
                body: form.bytes), path: path)
    }

    /// GETs `path` (reading is always safe to retry).
    public func get(_ path: String) throws(PaymentError) -> JSON {
        try send(
            OutboundRequest(
                method: "GET", url: api + path, headers: [("Authorization", "Bearer \(secretKey)"), ("Stripe-Version", "2024-06-20")]),
            path: path)
    }

    private func send(_ request: OutboundRequest, path: String) throws(PaymentError) -> JSON {
        var lastProblem = ""
        for attempt in 0...backoff.count {
            if attempt > 0 { Self.sleep(backoff[attempt - 1]) }
            let response: OutboundResponse
            do {
                response = try http.send(request)
            } catch {
                lastProblem = error.description
                continue
            }
            // 409: the same key is still being processed; 429 and 5xx: Stripe is busy. Try again.
            if response.status == 409 || response.status == 429 || response.status >= 500 {
                lastProblem = "Stripe answered \(response.status)"
                continue
            }
            let json = try? JSON.parse(response.body, maxDepth: 64)
            guard (200..<300).contains(response.status), let json else {
                let message = json?["error"]?["message"]?.string ?? "no message"
                throw .refused("Stripe refused \(path) (\(response.status)): \(message)")
            }
            return json
        }
        throw .unreachable("Stripe \(path) failed after \(backoff.count + 1) tries: \(lastProblem)")
    }

    private static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        nanosleep(&time, nil)
    }
}

/// A payment call that did not succeed; the message is for the log, never for the shopper.
public enum PaymentError: Error, Sendable, CustomStringConvertible {
    /// The provider answered no (a bad parameter, a key without the right).
    case refused(String)
    /// No answer after the retries.
    case unreachable(String)
    /// The provider's answer does not match the order (amount, currency, reference).
    case mismatch(String)

    public var description: String {
        switch self {
        case .refused(let text), .unreachable(let text), .mismatch(let text): text
        }
    }
}
