import ShelfConfig
import ShelfHTTP
import ShelfStore

/// Renders one of the account templates inside the store's layout, for the shopper's session:
/// the form token of that session goes in as `account.token`, and the session's cookie, when it
/// is new, on the response.
struct AccountPage {
    var template: String
    var title: String
    var path: String
    var values: [String: Any] = [:]
    var status = 200

    func response(_ shopper: ShopperSession?, _ context: FunctionContext) throws -> Response {
        var values = values
        if let shopper { values["token"] = shopper.formToken(context) }
        let html = try context.pages().render(template, title: title, path: path, values: ["account": values])
        var response = Response.html(html, status: status)
        if let cookie = shopper?.cookie { response.setHeader("Set-Cookie", cookie) }
        return response
    }

    /// A page that only says something: a heading, a sentence, and a link onwards.
    static func message(_ title: String, _ text: String, link: (href: String, label: String)? = nil, status: Int = 200) -> AccountPage {
        var values: [String: Any] = ["heading": title, "text": text]
        if let link { values["link"] = ["href": link.href, "label": link.label] }
        return AccountPage(template: "account-message", title: title, path: "/fn/account", values: values, status: status)
    }
}
