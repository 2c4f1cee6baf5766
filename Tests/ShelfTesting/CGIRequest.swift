/// The CGI variables and body of a request as a web server hands it to a function, over HTTPS
/// from `origin`'s own page and `client`'s address: a form is posted url-encoded.
///
/// ```swift
/// let (environment, body) = cgiRequest("POST", "/login", under: "/fn/account", form: "email=ann%40example.com",
///                                      origin: "https://shop.example", client: "192.0.2.1")
/// ```
public func cgiRequest(
    _ method: String, _ path: String, under mount: String, query: String = "", form: String? = nil, origin: String, client: String
) -> (environment: [String: String], body: [UInt8]) {
    var environment = [
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_URI": mount + path,
        "HTTP_ORIGIN": origin, "HTTPS": "on", "REMOTE_ADDR": client,
    ]
    let body = Array((form ?? "").utf8)
    if method == "POST" {
        environment["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        environment["CONTENT_LENGTH"] = String(body.count)
    }
    return (environment, body)
}
