import ShelfCore
import Testing

@testable import ShelfHTTP

@Suite struct RequestHeadTests {
    let base = ["REQUEST_METHOD": "POST", "PATH_INFO": "/add", "REQUEST_URI": "/fn/cart/add", "QUERY_STRING": ""]

    func head(_ changes: [String: String]) throws(HTTPError) -> RequestHead {
        try RequestHead(cgi: base.merging(changes) { $1 })
    }

    func status(_ changes: [String: String]) -> Int? {
        do {
            _ = try head(changes)
            return nil
        } catch {
            return error.status
        }
    }

    @Test func readsTheCGIVariables() throws {
        let head = try head([
            "HTTP_ORIGIN": "https://shop.example", "HTTP_SEC_FETCH_SITE": "same-origin", "CONTENT_TYPE": "application/json; charset=utf-8",
            "CONTENT_LENGTH": "12", "HTTPS": "on", "QUERY_STRING": "a=1",
        ])
        #expect(head.method == "POST")
        #expect(head.path == "/add")
        #expect(head.headers["origin"] == "https://shop.example")
        #expect(head.headers["sec-fetch-site"] == "same-origin")
        #expect(head.contentType == "application/json")
        #expect(head.contentLength == "12")
        #expect(head.isHTTPS)
        #expect(head.query == "a=1")
    }

    @Test func neverReadsAProxyHeaderIntoTheHeaders() throws {
        let head = try head(["HTTP_PROXY": "http://evil.example:8080"])
        #expect(head.headers["proxy"] == nil)
    }

    @Test(arguments: ["/../etc/passwd", "/add/..", "/./add", "/a\0b", "/a\\b", "//add", "/a\u{1}b"])
    func refusesPathsThatCouldEscapeTheRoutes(_ path: String) {
        #expect(status(["PATH_INFO": path]) == 400)
    }

    /// Non-ASCII paths take the Character-based checks, ASCII ones the byte-based: both refuse.
    @Test(arguments: ["/é/../etc", "/é/.", "/é\\b", "//é", "/é\u{7F}"])
    func refusesNonASCIIPathsThatCouldEscapeTheRoutes(_ path: String) {
        #expect(status(["PATH_INFO": path]) == 400)
    }

    @Test(arguments: ["/", "", ".json", "/.json", "/add", "/a.b/c..d", "/é/ok"])
    func acceptsOrdinaryPaths(_ path: String) {
        #expect(status(["PATH_INFO": path]) == nil)
    }

    @Test(arguments: [
        "/fn/cart/a%2Fb", "/fn/cart/a%2fb", "/fn/cart/%2e%2e/x", "/fn/cart/a%00", "/fn/cart/a%5cb", "/fn/cart/%2E", "/fn/é/a%2Fb",
    ])
    func refusesEncodedSlashesDotsAndNULsInTheRawURI(_ uri: String) {
        #expect(status(["REQUEST_URI": uri]) == 400)
    }

    @Test func namesTheFirstEncodingOfTheListThatTheRawURIHolds() {
        do {
            _ = try head(["REQUEST_URI": "/fn/cart/%2E%2e/a%2F"])
            Issue.record("a raw URI with encoded dots and a slash was accepted")
        } catch {
            #expect(error.log == "REQUEST_URI contains %2f")
        }
    }

    @Test func theClientAddressIsCutTo64Characters() throws {
        #expect(try head(["REMOTE_ADDR": "2001:db8::1"]).clientAddress == "2001:db8::1")
        #expect(try head(["REMOTE_ADDR": String(repeating: "a", count: 100)]).clientAddress == String(repeating: "a", count: 64))
        // 80 bytes but 40 Characters: kept whole.
        #expect(try head(["REMOTE_ADDR": String(repeating: "é", count: 40)]).clientAddress == String(repeating: "é", count: 40))
        #expect(try head(["REMOTE_ADDR": String(repeating: "é", count: 70)]).clientAddress == String(repeating: "é", count: 64))
    }

    @Test func anEncodedSlashInTheQueryStringIsFine() {
        #expect(status(["REQUEST_URI": "/fn/cart?next=%2Fshop%2F"]) == nil)
        #expect(status(["REQUEST_URI": "/fn/é?next=%2Fshop%2F"]) == nil)
    }

    @Test func headerNamesAreLowerCaseWithDashes() throws {
        let head = try head(["HTTP_ACCEPT_LANGUAGE": "en", "HTTP_X_ÉTÉ": "1"])
        #expect(head.headers["accept-language"] == "en")
        #expect(head.headers["x-été"] == "1")
    }

    /// Headers are looked up in the variables when asked for, and find exactly what a
    /// dictionary of every `HTTP_*` variable under its header name would hold.
    @Test func everyHeaderVariableIsFoundUnderItsNameAndNothingElse() throws {
        let variables = [
            "HTTP_ORIGIN": "https://shop.example", "HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_X_FORWARDED_FOR2": "a",
            "HTTP_x_lower": "b", "HTTP_X.DOT": "c", "HTTP_X_ÉTÉ": "d", "HTTP_": "e", "HTTP_Mixed_Case": "f", "HTTP_PROXY": "evil",
            "CONTENT_TYPE": "text/plain", "SERVER_NAME": "shop",
        ]
        let head = try head(variables)
        // The rule every header name follows: the variable's name after HTTP_, lower case, _ as -.
        let expected = Dictionary(
            uniqueKeysWithValues: variables.filter { $0.key.hasPrefix("HTTP_") && $0.key != "HTTP_PROXY" }.map { name, value in
                (String(String(name.dropFirst(5)).lowercased().map { $0 == "_" ? "-" : $0 }), value)
            })
        #expect(expected.count == 8)
        for (name, value) in expected {
            #expect(head.headers[name] == value, "\(name)")
        }
        for name in ["proxy", "Origin", "sec_fetch_site", "content-type", "server-name", "x-forwarded-for", "x.dot2", "accept"] {
            #expect(head.headers[name] == nil, "\(name)")
        }
    }

    @Test(arguments: ["", "GE T", "GET\r\n"])
    func refusesAMethodThatIsNotAToken(_ method: String) {
        #expect(status(["REQUEST_METHOD": method]) == 400)
    }

    @Test func plainHTTPIsNotHTTPS() throws {
        #expect(try !head(["HTTPS": "off"]).isHTTPS)
        #expect(try head(["REQUEST_SCHEME": "https"]).isHTTPS)
        for on in ["on", "ON", "On", "1"] { #expect(try head(["HTTPS": on]).isHTTPS, "\(on)") }
        for scheme in ["HTTPS", "Https"] { #expect(try head(["REQUEST_SCHEME": scheme]).isHTTPS, "\(scheme)") }
        for other in ["", "o", "onn", "2", "yes", "\u{2139}"] { #expect(try !head(["HTTPS": other]).isHTTPS, "\(other)") }
        for scheme in ["http", "httpss", "HTTP", "ftp"] { #expect(try !head(["REQUEST_SCHEME": scheme]).isHTTPS, "\(scheme)") }
    }

    /// The media type is what comes before the first `;` (empty parts skipped), trimmed, in
    /// lower case, whether or not the value is ASCII.
    @Test(arguments: [
        ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
        ("Application/JSON; charset=UTF-8", "application/json"),
        ("  text/plain ;x", "text/plain"),
        (";application/json", "application/json"),
        ("\tMultipart/Form-Data\r\n; boundary=x", "multipart/form-data"),
        ("TEXT/PLAIN\u{C9}; x", "text/plain\u{E9}"),
        (" ; ", ""),
    ])
    func readsTheMediaTypeOfTheContentType(_ sent: String, _ expected: String) throws {
        #expect(try head(["CONTENT_TYPE": sent]).contentType == expected)
        #expect(RequestHead.mediaType(sent) == String(sent.split(separator: ";").first ?? "").trimmingSpaces.lowercased())
    }
}
