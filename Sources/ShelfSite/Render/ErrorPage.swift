/// A page the web server shows in place of its own bare error page when a function fails or is
/// restarting: `500.html` and `503.html`, rendered by the theme's `error` template.
struct ErrorPage: Sendable {
    let status: Int
    let title: String
    let message: String

    /// `/500.html`
    var path: String { "/\(status).html" }

    static let all = [
        ErrorPage(
            status: 500, title: "Something went wrong",
            message: "Sorry, the store could not answer just now. Please try again in a moment; your cart is kept."),
        ErrorPage(
            status: 503, title: "Back in a moment",
            message: "The store is busy or restarting. Please try again in a few seconds; your cart is kept."),
    ]
}
