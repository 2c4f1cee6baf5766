import Foundation
import HTTPTypes
import Hummingbird
import ShelfSite

/// Serves a built site for development and tells open pages to reload after a rebuild.
///
/// HTML responses get one extra script, `/_shelf/live.js`, which polls `/_shelf/status`,
/// reloads the page when a rebuild changed files and shows a failed build's error over it. The
/// built files themselves are never altered. The site's files carry the security headers the
/// configurations of `shelf server-config` send (``siteHeaders``), so a page that breaks
/// under them breaks here first.
struct DevServer {
    let site: String
    let status: BuildStatus
    /// Runs `/fn/NAME` requests as CGI.
    let functions: CGIRunner
    /// The folder transport's mailbox shown at `/_dev/mail`, when the store mails to a folder.
    let mailbox: DevMailbox?

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let status = self.status
        let site = self.site
        router.get("/_shelf/generation") { _, _ -> Response in
            Self.response(.ok, type: "text/plain; charset=utf-8", body: Array(String(status.generation).utf8), cache: false)
        }
        router.get("/_shelf/status") { _, _ -> Response in
            Self.response(.ok, type: "application/json", body: Array(status.json.utf8), cache: false)
        }
        router.get("/_shelf/live.js") { _, _ -> Response in
            Self.response(.ok, type: "text/javascript; charset=utf-8", body: Array(Self.liveScript.utf8), cache: false)
        }
        if let mailbox {
            router.get("/_dev/mail") { _, _ -> Response in Self.html(mailbox.listPage()) }
            router.get("/_dev/mail/:name") { _, context -> Response in
                guard let message = mailbox.message(context.parameters.get("name") ?? "") else { return Self.html("Not found", .notFound) }
                return Self.html(mailbox.messagePage(message))
            }
            router.get("/_dev/mail/:name/html") { _, context -> Response in
                guard let html = mailbox.message(context.parameters.get("name") ?? "")?.html else {
                    return Self.html("Not found", .notFound)
                }
                var response = Self.html(DevMailbox.framed(html))
                // The part is shown in a sandboxed frame; it may load images and open its links, never run script.
                response.headers[.contentSecurityPolicy] =
                    "sandbox \(DevMailbox.frameSandbox); default-src 'none'; img-src * data:; style-src 'unsafe-inline'"
                return response
            }
        }
        let functions = self.functions
        for method in [HTTPRequest.Method.get, .head, .post] {
            router.on("/fn/**", method: method) { request, context -> Response in
                try await functions.respond(to: request, context: context)
            }
        }
        // "**" needs at least one path component, so the root has its own route.
        for pattern in ["/", "**"] {
            router.get(RouterPath(pattern)) { request, _ -> Response in
                Self.serveFile(request.uri.path, site: site)
            }
        }
        return router
    }

    static func serveFile(_ requestPath: String, site: String) -> Response {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        guard !decoded.split(separator: "/").contains(".."), !decoded.contains("\0") else {
            return response(.badRequest, type: "text/plain; charset=utf-8", body: Array("Bad request\n".utf8), cache: false)
        }
        var path = site + decoded
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            guard decoded.hasSuffix("/") else {
                var response = response(.movedPermanently, type: "text/plain; charset=utf-8", body: [], cache: false)
                response.headers[.location] = decoded + "/"
                return withSecurityHeaders(response)
            }
            path += "index.html"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let notFound = FileManager.default.contents(atPath: site + "/404.html").map { [UInt8]($0) } ?? Array("Not found\n".utf8)
            let page = response(.notFound, type: "text/html; charset=utf-8", body: injectLiveScript(notFound), cache: false)
            return withSecurityHeaders(page)
        }
        let type = contentType(of: path)
        let body = type.hasPrefix("text/html") ? injectLiveScript([UInt8](data)) : [UInt8](data)
        return withSecurityHeaders(response(.ok, type: type, body: body, cache: false))
    }

    /// The site's headers as the web server configurations send them.
    private static func withSecurityHeaders(_ response: Response) -> Response {
        var response = response
        for (name, value) in siteHeaders {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    static func html(_ page: String, _ status: HTTPResponse.Status = .ok) -> Response {
        response(status, type: "text/html; charset=utf-8", body: Array(page.utf8), cache: false)
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: [UInt8], cache: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache ? "public, max-age=31536000, immutable" : "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func injectLiveScript(_ html: [UInt8]) -> [UInt8] {
        let tag = Array("<script src=\"/_shelf/live.js\" defer></script>".utf8)
        let closing = Array("</body>".utf8)
        guard html.count >= closing.count,
            let index = stride(from: html.count - closing.count, through: 0, by: -1).first(where: {
                html[$0..<($0 + closing.count)].elementsEqual(closing)
            })
        else { return html + tag }
        return Array(html[..<index]) + tag + Array(html[index...])
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "gz": "application/gzip"
        default: "application/octet-stream"
        }
    }
}
