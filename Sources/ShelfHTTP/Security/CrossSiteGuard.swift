/// Refuses state-changing requests that another site made a browser send.
///
/// The browser's `Sec-Fetch-Site` decides when present: only `same-origin` (and `none`, a
/// request the user typed or bookmarked) passes; `same-site` is refused too, since a sibling
/// subdomain is not the shop. Without it, `Origin` must be exactly the store's base URL, and
/// without both, `Referer` must start with it. A request with none of the three is refused:
/// every browser that can submit a form sends at least one.
public enum CrossSiteGuard {
    public static func check(_ head: RequestHead, baseURL: String) throws(HTTPError) {
        let refuse = { (why: String) throws(HTTPError) in
            throw HTTPError(403, "This request came from another site and was refused.", log: "cross-site POST refused: \(why)")
        }
        if let site = head.headers["sec-fetch-site"] {
            if site == "same-origin" || site == "none" { return }
            try refuse("Sec-Fetch-Site \(site)")
        } else if let origin = head.headers["origin"] {
            if origin == baseURL { return }
            try refuse("Origin \(origin.prefix(100))")
        } else if let referer = head.headers["referer"] {
            if referer == baseURL || referer.hasPrefix(baseURL + "/") { return }
            try refuse("Referer from another site")
        } else {
            try refuse("no Sec-Fetch-Site, Origin or Referer")
        }
    }
}
