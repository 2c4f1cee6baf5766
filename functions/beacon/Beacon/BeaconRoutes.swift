public import ShelfHTTP

/// The beacon function's routes: page views from the theme's `beacon.js`.
///
/// | Route | What it does |
/// |---|---|
/// | `POST /fn/beacon` | a page view (`text/plain` JSON from `navigator.sendBeacon`): 204, whatever happens to it |
public enum BeaconRoutes {
    /// A path, a referrer host, three UTM values and a width fit in far less.
    static let bodyLimit = 4096

    public static let all: [Route] = [
        // Any site may post: a page saved or proxied elsewhere still counts, and nothing a
        // visitor could be harmed by changes. Each visitor hash is limited per minute instead.
        Route(.post, "/", body: .accepts([.text], limit: bodyLimit), callers: .anySite) { request, context in
            try Beacon.receive(request, context)
        }
    ]
}
