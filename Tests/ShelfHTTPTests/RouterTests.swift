import Testing

@testable import ShelfHTTP

@Suite struct RouterTests {
    let router = Router([
        Route(.get, "/") { _, _ in Response(status: 200) },
        Route(.get, ".json") { _, _ in Response(status: 200) },
        Route(.post, "/add", body: .accepts([.form, .json], limit: 100)) { _, _ in Response(status: 200) },
    ])

    func status(_ method: String, _ path: String) -> Int? {
        do {
            _ = try router.route(for: RequestHead(method: method, path: path))
            return nil
        } catch {
            return error.status
        }
    }

    @Test func findsRoutes() {
        #expect(status("GET", "") == nil)
        #expect(status("GET", "/") == nil)
        #expect(status("GET", ".json") == nil)
        #expect(status("GET", "/.json") == nil)
        #expect(status("HEAD", "/") == nil)
        #expect(status("POST", "/add") == nil)
    }

    @Test func anUnknownPathIs404() {
        #expect(status("GET", "/nope") == 404)
        #expect(status("GET", "/add/more") == 404)
    }

    @Test func aWrongMethodIs405WithAllow() {
        do {
            _ = try router.route(for: RequestHead(method: "GET", path: "/add"))
            Issue.record("expected 405")
        } catch {
            #expect(error.status == 405)
            #expect(error.headers.first { $0.0 == "Allow" }?.1 == "POST")
        }
        do {
            _ = try router.route(for: RequestHead(method: "DELETE", path: "/"))
        } catch {
            #expect(error.headers.first { $0.0 == "Allow" }?.1 == "GET, HEAD")
        }
    }

    func bodyStatus(length: String?, type: String? = "application/x-www-form-urlencoded") -> Int? {
        var head = RequestHead(method: "POST", path: "/add", contentLength: length, contentType: type)
        do {
            _ = try Router.bodyLength(of: &head, for: router.route(for: head))
            return nil
        } catch {
            return error.status
        }
    }

    @Test func theBodyLengthIsCheckedBeforeReading() {
        #expect(bodyStatus(length: nil) == 411)
        #expect(bodyStatus(length: "abc") == 400)
        #expect(bodyStatus(length: "-1") == 400)
        #expect(bodyStatus(length: "+5") == 400)
        #expect(bodyStatus(length: "99999999999999999999") == 400)
        #expect(bodyStatus(length: "101") == 413)
        #expect(bodyStatus(length: "100") == nil)
        #expect(bodyStatus(length: "0", type: nil) == nil)
    }

    @Test func aContentTypeTheRouteDoesNotTakeIs415() {
        #expect(bodyStatus(length: "10", type: "text/plain") == 415)
        #expect(bodyStatus(length: "10", type: "multipart/form-data") == 415)
        #expect(bodyStatus(length: "10", type: nil) == 415)
        #expect(bodyStatus(length: "10", type: "application/json") == nil)
    }
}
