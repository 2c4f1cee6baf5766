import Foundation
import ShelfConfig
import ShelfCore

/// Lists every file of the site with its fingerprint, without rendering anything yet.
struct Planner {
    let model: SiteModel
    let theme: Theme
    let folder: StoreFolder
    let assets: [(name: String, path: String, bytes: [UInt8])]

    /// The outputs in a stable order: pages first, then feeds, assets and static files.
    func outputs() -> [Output] {
        var outputs: [Output] = []
        var sitemapPaths: [String] = []
        let theme = self.theme

        func page(
            _ sitePath: String, template: String, fingerprint: UInt64, inSitemap: Bool = true,
            _ values: @escaping @Sendable () -> Frozen<Values>
        ) {
            if inSitemap { sitemapPaths.append(sitePath) }
            outputs.append(
                Output(path: Output.file(forPage: sitePath), fingerprint: fingerprint) {
                    theme.renderPage(template, values().value)
                })
        }
        let model = self.model
        let template = { (name: String) in theme.fingerprints[name] ?? 0 }

        let home = HomePage(model: model)
        page("/", template: "home", fingerprint: home.fingerprint(template: template("home"))) { Frozen(value: home.values()) }

        for listing in listings() {
            for listingPage in listing.pages {
                page(
                    listingPage.path, template: "listing", fingerprint: listing.fingerprint(of: listingPage, template: template("listing"))
                ) {
                    Frozen(value: listing.values(for: listingPage))
                }
            }
        }

        for product in model.newest {
            let productPage = ProductPage(model: model, product: product)
            page(productPage.path, template: "product", fingerprint: productPage.fingerprint(template: template("product"))) {
                Frozen(value: productPage.values())
            }
        }

        let documents = DocumentPages(model: model)
        for document in model.content.pages + model.content.stories + model.content.campaigns {
            let name = document.kind == .story ? "story" : document.kind == .campaign ? "campaign" : "page"
            page(document.path, template: name, fingerprint: documents.fingerprint(document, template: template(name))) {
                Frozen(value: documents.values(for: document))
            }
        }
        if !model.content.stories.isEmpty {
            page("/stories/", template: "stories", fingerprint: documents.storiesFingerprint(template: template("stories"))) {
                Frozen(value: documents.storiesValues())
            }
        }
        var notFound = StableHasher()
        notFound.combine(template("404"))
        notFound.combine(model.chromeFingerprint)
        page("/404.html", template: "404", fingerprint: notFound.value, inSitemap: false) { Frozen(value: documents.notFoundValues()) }
        for errorPage in ErrorPage.all {
            var fingerprint = StableHasher()
            fingerprint.combine(template("error"))
            fingerprint.combine(model.chromeFingerprint)
            fingerprint.combine(errorPage.status)
            fingerprint.combine(errorPage.message)
            page(errorPage.path, template: "error", fingerprint: fingerprint.value, inSitemap: false) {
                Frozen(value: documents.errorValues(errorPage))
            }
        }

        outputs += texts(Feeds.sitemaps(paths: sitemapPaths, model: model))
        outputs += texts([("robots.txt", Feeds.robots(model: model)), ("feed.xml", Feeds.atom(model: model))])
        for asset in assets {
            let bytes = asset.bytes
            outputs.append(Output(path: String(asset.path.dropFirst()), fingerprint: StableHasher.hash(bytes)) { bytes })
        }
        outputs += staticFiles()
        return outputs
    }

    /// The shop, each category, and each category filtered by each value of the options with
    /// filter pages, each in the sort orders the settings offer.
    func listings() -> [Listing] {
        let sorts = model.config.catalogue.sortPages.isEmpty ? [.newest] : model.config.catalogue.sortPages
        var listings = [
            Listing(
                model: model, title: "Shop all", description: "Everything in \(model.config.name).", basePath: "/shop/",
                products: Array(model.newest.indices), category: nil, filter: nil, sorts: sorts)
        ]
        for category in model.config.categories {
            guard let products = model.productsByCategory[category.handle] else { continue }
            let base = "/shop/\(category.handle)/"
            listings.append(
                Listing(
                    model: model, title: category.title, description: category.description, basePath: base, products: products,
                    category: category.handle, filter: nil, sorts: sorts))
            for facet in model.facetsWithPages(category.handle) {
                for value in facet.values {
                    listings.append(
                        Listing(
                            model: model, title: "\(category.title) · \(value.value)", description: category.description,
                            basePath: "\(base)\(facet.slug)/\(Slug.make(value.value))/", products: value.products,
                            category: category.handle, filter: (facet.slug, value.value), sorts: [.newest]))
                }
            }
        }
        return listings
    }

    private func texts(_ files: [(path: String, text: String)]) -> [Output] {
        files.map { file in
            let bytes = Array(file.text.utf8)
            return Output(path: file.path, fingerprint: StableHasher.hash(bytes)) { bytes }
        }
    }

    /// Everything under `static/`, copied as it is.
    private func staticFiles() -> [Output] {
        let root = folder.staticFolder
        return Theme.files(under: root, extension: nil).map { relative in
            let data = FileManager.default.contents(atPath: root + "/" + relative) ?? Data()
            let bytes = [UInt8](data)
            return Output(path: relative, fingerprint: StableHasher.hash(bytes)) { bytes }
        }
    }
}
