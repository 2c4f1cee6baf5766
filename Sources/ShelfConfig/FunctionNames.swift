/// The functions Shelf ships, by the name the web server maps under `/fn/`.
///
/// Web server configurations and `shelf serve` run only these, so `/fn/anything` can never start
/// some other executable that happens to sit in the same folder. The build shows templates the
/// same list (`{{#functions.search}}`), so a theme renders no form for a function that is missing.
public enum FunctionNames {
    public static let all = ["cart", "checkout", "account", "search", "subscribe", "beacon", "reviews", "wishlist"]
}
