import Dispatch
import ShelfConfig
import ShelfCore
import Synchronization

/// Turns one request, as CGI variables and a body stream, into the response: routing, body
/// limits, the cross-site check, the handler under its time limit, error pages and the security
/// headers every answer carries.
public struct Responder: Sendable {
    public let function: Function
    /// Nil when the store could not be loaded: every request then gets a 503.
    public let context: FunctionContext?
    let log: @Sendable (String) -> Void

    public init(function: Function, context: FunctionContext?, log: @escaping @Sendable (String) -> Void) {
        self.function = function
        self.context = context
        self.log = log
    }

    /// The answer, and whether the handler overran its time limit (it may still be running).
    public func respond(to environment: [String: String], body: inout some BodySource) -> (response: Response, overran: Bool) {
        var head = RequestHead(method: environment["REQUEST_METHOD"] ?? "?", path: environment["PATH_INFO"] ?? "")
        var overran = false
        var response: Response
        do throws(HTTPError) {
            head = try RequestHead(cgi: environment)
            guard let context else {
                throw HTTPError(503, "The shop is not available right now. Please try again later.", log: "not configured")
            }
            let route = try function.router.route(for: head)
            let length = try Router.bodyLength(of: &head, for: route)
            guard let bytes = body.read(length) else {
                throw HTTPError(400, "The request ended early.", log: "body shorter than CONTENT_LENGTH \(length)")
            }
            if route.method == .post, route.callers == .sameSite { try CrossSiteGuard.check(head, baseURL: context.config.baseURL) }
            let request = Request(head: head, body: bytes)
            switch run(route, request, context) {
            case .some(.success(let answer)): response = answer
            case .some(.failure(let error)): response = errorResponse(error, head: head)
            case nil:
                overran = true
                response = errorResponse(
                    HTTPError(
                        503, "This took too long. Please try again.",
                        log: "the handler overran its \(context.config.functions.timeoutSeconds) s limit"), head: head)
            }
        } catch {
            response = errorResponse(error, head: head)
        }
        SecurityHeaders.apply(to: &response, https: head.isHTTPS)
        if head.method == "HEAD" { response.body = [] }
        return (response, overran)
    }

    /// Runs the handler on its own thread and waits at most the configured time; nil when it
    /// overran.
    private func run(_ route: Route, _ request: Request, _ context: FunctionContext) -> Result<Response, HTTPError>? {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let log = self.log
        DispatchQueue.global().async {
            let result: Result<Response, HTTPError>
            do {
                result = .success(try route.handle(request, context))
            } catch let error as HTTPError {
                result = .failure(error)
            } catch {
                log("\(request.method) \(request.path): \(error)")
                result = .failure(
                    HTTPError(500, "Something went wrong on our side. Please try again.", log: "unexpected error (logged above)"))
            }
            outcome.set(result)
            done.signal()
        }
        let limit = DispatchTime.now() + .seconds(context.config.functions.timeoutSeconds)
        guard done.wait(timeout: limit) == .success else { return nil }
        return outcome.get()
    }

    /// The shopper's answer to an error: JSON for JSON clients, the theme's error page otherwise,
    /// a plain page when even the theme fails. The detail goes to the log only.
    func errorResponse(_ error: HTTPError, head: RequestHead) -> Response {
        log("\(error.status) \(head.method) \(head.path): \(error.log)")
        var response: Response
        let wantsJSON = Request(head: head).wantsJSON || head.path.hasSuffix(".json")
        if wantsJSON {
            response = .json(
                .object([("error", .object([("status", .number(String(error.status))), ("message", .string(error.message))]))]),
                status: error.status)
        } else if let page = try? context?.pages().render(
            "error", title: Status.reason(error.status), path: "/fn/\(function.name)",
            values: [
                "error": ["status": String(error.status), "title": Status.reason(error.status), "message": error.message] as [String: Any]
            ])
        {
            response = .html(page, status: error.status)
        } else {
            response = .html(PlainPage.error(status: error.status, message: error.message), status: error.status)
        }
        for (name, value) in error.headers { response.setHeader(name, value) }
        return response
    }
}

/// The handler's result, handed from its thread to the waiting one.
private final class Outcome: Sendable {
    private let result = Mutex<Result<Response, HTTPError>?>(nil)

    func set(_ value: Result<Response, HTTPError>) { result.withLock { $0 = value } }
    func get() -> Result<Response, HTTPError>? { result.withLock { $0 } }
}
