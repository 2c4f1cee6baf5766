import Foundation
import ShelfTesting
import Testing

@testable import BeaconFunction

/// How a page's path is cleaned before it is kept, and which paths are pages of the site.
struct PagePathTests {
    @Test func queryStringsAndFragmentsAreStripped() {
        #expect(PagePath.clean("/products/tee/?utm_source=mail&email=ann@example.com") == "/products/tee/")
        #expect(PagePath.clean("/about/#team") == "/about/")
        #expect(PagePath.clean("/") == "/")
    }

    @Test func segmentsThatLookLikeEmailAddressesAreReplaced() {
        #expect(PagePath.clean("/orders/ann@example.com/") == "/orders/-/")
        #expect(PagePath.clean("/orders/ann%40example.com") == "/orders/-")
    }

    @Test(arguments: [
        "", "products/tee/", "//evil.example/", "https://shop.example/", "/a/../b", "/a/./b", "/a/%2E%2E/b", "/a\\b", "/a\u{0}b",
        "/a\nb", "/" + String(repeating: "a", count: 600),
    ])
    func whatCannotBeAPageIsRefused(raw: String) {
        #expect(PagePath.clean(raw) == nil)
    }

    @Test func aProductPagePathNamesItsProduct() {
        #expect(PagePath.product(of: "/products/linen-shirt/") == "linen-shirt")
        #expect(PagePath.product(of: "/products/") == nil)
        #expect(PagePath.product(of: "/products/linen-shirt/reviews/") == nil)
        #expect(PagePath.product(of: "/categories/tops/") == nil)
    }

    @Test func onlyPagesTheBuildWroteAreOnTheSite() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let site = directory.file("site")
            try FileManager.default.createDirectory(atPath: site + "/products/tee", withIntermediateDirectories: true)
            for file in ["/index.html", "/products/tee/index.html", "/404.html"] {
                try Data().write(to: URL(fileURLWithPath: site + file))
            }
            #expect(PagePath.isOnSite("/", siteFolder: site))
            #expect(PagePath.isOnSite("/products/tee/", siteFolder: site))
            #expect(PagePath.isOnSite("/products/tee", siteFolder: site))
            #expect(PagePath.isOnSite("/404.html", siteFolder: site))
            #expect(!PagePath.isOnSite("/products/", siteFolder: site))
            #expect(!PagePath.isOnSite("/products/coat/", siteFolder: site))
            #expect(!PagePath.isOnSite("/products/te%65/", siteFolder: site))
        }
    }
}
