import CCurl

/// One outbound HTTP request to a payment provider.
public struct OutboundRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String = "POST", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// The provider's answer.
public struct OutboundResponse: Sendable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Sends requests to providers; tests may pass another transport, production uses ``CurlClient``.
public protocol HTTPClient: Sendable {
    func send(_ request: OutboundRequest) throws(OutboundError) -> OutboundResponse
}

/// The request never got an answer: a network failure, a timeout, an answer too large.
public struct OutboundError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// HTTP through libcurl, with the settings payment calls need: TLS verified, HTTP(S) only, no
/// redirects, a time limit, a cap on the answer, and never a proxy — not even one named by
/// `HTTP_PROXY`/`HTTPS_PROXY`, which under CGI a request header could set (httpoxy).
public struct CurlClient: HTTPClient {
    public var timeoutSeconds: Int
    public var maxResponseBytes: Int

    public init(timeoutSeconds: Int = 20, maxResponseBytes: Int = 1 << 20) {
        self.timeoutSeconds = timeoutSeconds
        self.maxResponseBytes = maxResponseBytes
        _ = Self.initialised
    }

    /// libcurl's global set-up, once, before any thread uses it.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public func send(_ request: OutboundRequest) throws(OutboundError) -> OutboundResponse {
        guard let handle = curl_easy_init() else { throw OutboundError("libcurl could not start a request") }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for (name, value) in request.headers where !(name + value).contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            headers = curl_slist_append(headers, "\(name): \(value)")
        }
        // "Expect: 100-continue" would add a round trip to every POST.
        headers = curl_slist_append(headers, "Expect:")
        var buffer = shelf_curl_buffer(bytes: nil, count: 0, capacity: 0, limit: maxResponseBytes, overflowed: 0)
        defer { shelf_curl_buffer_free(&buffer) }

        var code = shelf_curl_set_string(handle, CURLOPT_URL, request.url)
        let settings: [(CURLoption, String)] = [
            (CURLOPT_PROXY, ""), (CURLOPT_NOPROXY, "*"), (CURLOPT_PROTOCOLS_STR, "http,https"),
            (CURLOPT_CUSTOMREQUEST, request.method),
        ]
        for (option, value) in settings where code == CURLE_OK { code = shelf_curl_set_string(handle, option, value) }
        let numbers: [(CURLoption, Int)] = [
            (CURLOPT_FOLLOWLOCATION, 0), (CURLOPT_SSL_VERIFYPEER, 1), (CURLOPT_SSL_VERIFYHOST, 2),
            (CURLOPT_TIMEOUT, timeoutSeconds), (CURLOPT_CONNECTTIMEOUT, min(10, timeoutSeconds)), (CURLOPT_NOSIGNAL, 1),
        ]
        for (option, value) in numbers where code == CURLE_OK { code = shelf_curl_set_long(handle, option, value) }
        if code == CURLE_OK { code = shelf_curl_set_headers(handle, headers) }
        if code == CURLE_OK, request.method != "GET" {
            // COPYPOSTFIELDS copies exactly the given count, so the trailing NUL only keeps the
            // pointer valid for an empty body.
            let bytes = request.body.map { CChar(bitPattern: $0) } + [0]
            code = shelf_curl_set_body(handle, bytes, request.body.count)
        }
        if code == CURLE_OK { code = shelf_curl_collect_body(handle, &buffer) }
        guard code == CURLE_OK else { throw OutboundError("libcurl refused a setting: \(String(cString: curl_easy_strerror(code)))") }

        let result = curl_easy_perform(handle)
        if buffer.overflowed != 0 {
            throw OutboundError("the answer from \(Self.host(request.url)) is larger than \(maxResponseBytes) bytes")
        }
        guard result == CURLE_OK else {
            throw OutboundError("\(request.method) \(Self.host(request.url)): \(String(cString: curl_easy_strerror(result)))")
        }
        let body = buffer.bytes.map { Array(UnsafeBufferPointer(start: $0, count: buffer.count)) } ?? []
        return OutboundResponse(status: shelf_curl_status(handle), body: body)
    }

    /// The URL's scheme and host, for messages: never the path or query, which may hold ids.
    static func host(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return "the provider" }
        let rest = url[scheme.upperBound...]
        return String(url[..<scheme.upperBound]) + String(rest.prefix { $0 != "/" && $0 != "?" })
    }
}
