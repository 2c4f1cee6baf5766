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
    ///
    /// The handler runs on a thread of its own while this one waits for it, at most the limit.
    public func respond(to environment: [String: String], body: inout some BodySource) -> (response: Response, overran: Bool) {
        respond(to: CGIVariables(environment), body: &body)
    }

    /// ``respond(to:body:)-([String: String],_)`` of variables however they came.
    public func respond(to variables: CGIVariables, body: inout some BodySource) -> (response: Response, overran: Bool) {
        var overran = false
        let response = respond(to: variables, body: &body) { route, request, context, head in
            switch run(route, request, context) {
            case .some(let result): return result
            case nil:
                overran = true
                return .failure(overrun(context))
            }
        }
        return (response, overran)
    }

    /// The answer, with the handler on this thread and `watchdog` answering instead of it when it
    /// overruns; nil when the watchdog has answered (the runtime then ends the process).
    ///
    /// The runtime's way: a request costs no thread switch.
    func respond(to variables: CGIVariables, body: inout some BodySource, watchdog: Watchdog) -> Response? {
        var answeredByWatchdog = false
        let response = respond(to: variables, body: &body) { route, request, context, head in
            watchdog.arm(seconds: context.config.functions.timeoutSeconds) {
                self.finished(self.errorResponse(self.overrun(context), head: head), head: head)
            }
            defer { answeredByWatchdog = !watchdog.disarm() }
            return handle(route, request, context)
        }
        return answeredByWatchdog ? nil : response
    }

    /// Routing, body limits and the cross-site check around `run`, which runs the handler; then
    /// the error pages and the headers every answer carries.
    private func respond(
        to variables: CGIVariables, body: inout some BodySource,
        running run: (Route, Request, FunctionContext, RequestHead) -> Result<Response, HTTPError>
    ) -> Response {
        var head: RequestHead
        do throws(HTTPError) {
            head = try RequestHead(cgi: variables)
        } catch {
            let head = RequestHead(unchecked: variables)
            return finished(errorResponse(error, head: head), head: head)
        }
        var response: Response
        do throws(HTTPError) {
            guard let context else {
                throw HTTPError(503, "The shop is not available right now. Please try again later.", log: "not configured")
            }
            if function.router.isForAdmins(head) { try admit(head, context) }
            let route = try function.router.route(for: head)
            let length = try Router.bodyLength(of: &head, for: route)
            guard let bytes = body.read(length) else {
                throw HTTPError(400, "The request ended early.", log: "body shorter than CONTENT_LENGTH \(length)")
            }
            if route.method == .post, route.callers == .sameSite { try CrossSiteGuard.check(head, baseURL: context.config.baseURL) }
            let request = Request(head: head, body: bytes)
            switch run(route, request, context, head) {
            case .success(let answer): response = answer
            case .failure(let error): response = errorResponse(error, head: head)
            }
        } catch {
            response = errorResponse(error, head: head)
        }
        return finished(response, head: head)
    }

    /// The headers every answer carries, and no body for `HEAD`.
    private func finished(_ response: Response, head: RequestHead) -> Response {
        var response = response
        SecurityHeaders.apply(to: &response, https: head.isHTTPS)
        if head.method == "HEAD" { response.body = [] }
        return response
    }

    /// The storage failure's 503 for a request whose answer cannot be sent: its group of
    /// requests was not committed.
    func storageFailure(to variables: CGIVariables) -> Response {
        let head = (try? RequestHead(cgi: variables)) ?? RequestHead(unchecked: variables)
        return finished(errorResponse(StorageFailure.answer, head: head), head: head)
    }

    private func overrun(_ context: FunctionContext) -> HTTPError {
        HTTPError(
            503, "This took too long. Please try again.",
            log: "the handler overran its \(context.config.functions.timeoutSeconds) s limit")
    }

    /// Runs the handler on its own thread and waits at most the configured time; nil when it
    /// overran.
    private func run(_ route: Route, _ request: Request, _ context: FunctionContext) -> Result<Response, HTTPError>? {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome.set(handle(route, request, context))
            done.signal()
        }
        let limit = DispatchTime.now() + .seconds(context.config.functions.timeoutSeconds)
        guard done.wait(timeout: limit) == .success else { return nil }
        return outcome.get()
    }

    /// The handler's answer, or the error it threw (``answer(to:of:)``).
    private func handle(_ route: Route, _ request: Request, _ context: FunctionContext) -> Result<Response, HTTPError> {
        do {
            return .success(try route.handle(request, context))
        } catch {
            return .failure(answer(to: error, of: request))
        }
    }

    /// Lets a request to an admins-only path go on only when it comes from an admin; anyone
    /// else gets the 404 of an address with nothing at it, before its method is looked at.
    private func admit(_ head: RequestHead, _ context: FunctionContext) throws(HTTPError) {
        let request = Request(head: head)
        do {
            _ = try requireAdmin(request, context)
        } catch {
            throw answer(to: error, of: request)
        }
    }

    /// An ``HTTPError`` as it is; any other error is logged and answered with a 503 when
    /// storage failed (``StorageFailure``), a 500 otherwise.
    private func answer(to error: any Error, of request: Request) -> HTTPError {
        if let error = error as? HTTPError { return error }
        log("\(request.method) \(request.path): \(error)")
        if StorageFailure.matches(error) { return StorageFailure.answer }
        return HTTPError(500, "Something went wrong on our side. Please try again.", log: "unexpected error (logged above)")
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
