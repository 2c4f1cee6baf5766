import ShelfCore

/// A minimal page for when the theme itself cannot render (the store is not built, a template
/// is broken): still a proper page with the status, never the underlying problem.
enum PlainPage {
    static func error(status: Int, message: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(status) \(Status.reason(status))</title></head>
        <body><main><h1>\(Status.reason(status))</h1><p>\(Markup.escape(message))</p><p><a href="/">Back to the shop</a></p></main></body></html>

        """
    }
}
