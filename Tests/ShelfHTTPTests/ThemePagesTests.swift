import Foundation
import ShelfConfig
import ShelfHTTP
import ShelfTesting
import Testing

/// A function page renders with the store's theme, escaping as the build does.
@Suite struct ThemePagesTests {
    private func store(in directory: TemporaryDirectory, page: String) throws -> StoreConfig {
        let files = [
            ".shelf/site-values.json": #"{"site": {"name": "Shop"}}"#,
            "themes/default/templates/layout.mustache": "<title>{{page.title}}</title>\n{{{content}}}",
            "themes/default/templates/partials/header.mustache": "",
            "themes/default/templates/partials/footer.mustache": "",
            "templates/page.mustache": page,
        ]
        for (name, text) in files {
            let path = directory.file(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"https://shop.example\"\ncurrency = \"EUR\"\nlocale = \"en-IE\"\n")
    }

    @Test func aPageEscapesItsValuesInsideTheLayout() throws {
        try withTemporaryDirectory { directory in
            let config = try store(in: directory, page: "<p>{{note}}</p>")
            let pages = try ThemePages.load(root: directory.path, config: config)
            let html = try pages.render("page", title: "Cart", path: "/fn/cart", values: ["note": "Tom's <b>"])
            #expect(html == "<title>Cart · Shop</title>\n<p>Tom&#39;s &lt;b&gt;</p>")
        }
    }

    @Test func pagesLoseTheTemplatesIndentationAsStaticPagesDo() throws {
        try withTemporaryDirectory { directory in
            let config = try store(in: directory, page: "<main>\n  <p>{{note}}</p>\n  <pre>\n  kept\n  </pre>\n</main>\n")
            let pages = try ThemePages.load(root: directory.path, config: config)
            let html = try pages.render("page", title: "Cart", path: "/fn/cart", values: ["note": "Hi"])
            #expect(html == "<title>Cart · Shop</title>\n<main>\n<p>Hi</p>\n<pre>\n  kept\n  </pre>\n</main>\n")
        }
    }

    @Test func emailsKeepTheirTemplatesAsWritten() throws {
        try withTemporaryDirectory { directory in
            let config = try store(in: directory, page: "")
            let email = "{{% CONTENT_TYPE: TEXT}}\nYour order:\n  {{line}}\n"
            try FileManager.default.createDirectory(atPath: directory.file("templates/emails"), withIntermediateDirectories: true)
            try email.write(toFile: directory.file("templates/emails/order.text.mustache"), atomically: true, encoding: .utf8)
            let pages = try ThemePages.load(root: directory.path, config: config)
            #expect(try pages.fragment("emails/order.text", values: ["line": "1 × Tee"]) == "Your order:\n  1 × Tee\n")
        }
    }

    @Test func aSyntaxErrorNamesTheTemplateAndLine() throws {
        try withTemporaryDirectory { directory in
            let config = try store(in: directory, page: "<h1>Cart</h1>\n<p>{{note</p>\n")
            #expect {
                try ThemePages.load(root: directory.path, config: config)
            } throws: { error in
                "\(error)".contains("templates/page.mustache:2: template syntax error")
            }
        }
    }
}
