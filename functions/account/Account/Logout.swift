import ShelfConfig
import ShelfHTTP
import ShelfStore

/// Logging out: the session is deleted on the server and the browser told to forget its cookie.
enum Logout {
    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let form = try AccountFields(request, context, in: store)
        try store.endSession(form.shopper.session)
        var response = Response.redirect(to: Login.path + "?logged_out=1")
        response.setHeader("Set-Cookie", SessionCookie.clearCookie(https: request.head.isHTTPS))
        return response
    }
}
