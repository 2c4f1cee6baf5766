import Testing

@testable import ShelfHTTP

/// CGI variables kept as the FastCGI `PARAMS` bytes and a table of pairs, read as a dictionary
/// of them would be.
@Suite struct CGIVariablesTests {
    static func variables(_ pairs: [(String, String)]) -> CGIVariables {
        FastCGIParams.variables(FastCGIConnectionTests.pairs(pairs))
    }

    @Test func aNameSentTwiceReadsAsItsLastValue() {
        let variables = Self.variables([("HTTP_X", "first"), ("PATH_INFO", "/add"), ("HTTP_X", "last")])
        #expect(variables["HTTP_X"] == "last")
        #expect(variables.dictionary == ["HTTP_X": "last", "PATH_INFO": "/add"])
        let headers = RequestHeaders(cgi: variables)
        #expect(headers["x"] == "last")
    }

    @Test func anEmptyValueIsSetAndAMissingNameIsNot() {
        let variables = Self.variables([("QUERY_STRING", ""), ("", "nameless"), ("REQUEST_METHOD", "GET")])
        #expect(variables["QUERY_STRING"] == "")
        #expect(variables[""] == "nameless")
        #expect(variables["QUERY"] == nil)
        #expect(variables["QUERY_STRINGS"] == nil)
        #expect(variables["REQUEST_METHOD"] == "GET")
    }

    @Test func longNamesAndValuesAreFoundWhole() {
        let name = "HTTP_" + String(repeating: "A", count: 200)
        let value = String(repeating: "é", count: 300)
        let variables = Self.variables([(name, value), ("HTTP_B", "b")])
        #expect(variables[name] == value)
        #expect(RequestHeaders(cgi: variables)[String(repeating: "a", count: 200)] == value)
        #expect(variables["HTTP_B"] == "b")
    }

    @Test func headersAreFoundByTheirVariablesNamesOnly() {
        let variables = Self.variables([
            ("HTTP_ACCEPT", "text/html"), ("HTTP_ACCEPT_LANGUAGE", "en"), ("HTTP_PROXY", "http://evil"),
            ("HTTP_x_odd", "odd"), ("HTTPS", "on"),
        ])
        let headers = RequestHeaders(cgi: variables)
        #expect(headers["accept"] == "text/html")
        #expect(headers["accept-language"] == "en")
        #expect(headers["accept_language"] == nil)
        #expect(headers["accept-lang"] == nil)
        #expect(headers["proxy"] == nil)
        #expect(headers["x-odd"] == "odd")
        #expect(headers["s"] == nil)
    }

    @Test func aRequestHeadReadsTheTableAsItReadsADictionary() throws {
        let pairs = [
            ("REQUEST_METHOD", "POST"), ("PATH_INFO", "/add"), ("REQUEST_URI", "/fn/cart/add?x=%2F"), ("QUERY_STRING", "x=%2F"),
            ("CONTENT_TYPE", "Application/X-WWW-Form-Urlencoded; charset=utf-8"), ("CONTENT_LENGTH", "18"),
            ("REQUEST_SCHEME", "HTTPS"), ("REMOTE_ADDR", "192.0.2.1"), ("HTTP_COOKIE", "shelf_session=abc"),
        ]
        let fromBytes = try RequestHead(cgi: Self.variables(pairs))
        let fromDictionary = try RequestHead(cgi: Dictionary(pairs) { $1 })
        for head in [fromBytes, fromDictionary] {
            #expect(head.method == "POST")
            #expect(head.path == "/add")
            #expect(head.query == "x=%2F")
            #expect(head.contentType == "application/x-www-form-urlencoded")
            #expect(head.contentLength == "18")
            #expect(head.isHTTPS)
            #expect(head.clientAddress == "192.0.2.1")
            #expect(head.headers["cookie"] == "shelf_session=abc")
        }
    }

    @Test(arguments: ["/fn/cart/%2Fadd", "/fn/cart/%5cadd", "/fn/%00", "/fn/cart/%2E%2E/x", "/%2f"])
    func anEncodedSlashDotOrNULInTheAddressIsRefused(uri: String) {
        #expect(throws: HTTPError.self) {
            try RequestHead(cgi: Self.variables([("REQUEST_METHOD", "GET"), ("PATH_INFO", "/"), ("REQUEST_URI", uri)]))
        }
    }
}
