import Foundation
public import ShelfConfig
import ShelfCore
import ShelfTheme

/// Renders a function's page with the store's theme, inside the same layout, header and footer
/// as the static pages.
///
/// The templates are the theme's (`themes/NAME/templates`) with the store's `templates/`
/// overrides, without their leading indentation, as for the build. The site-wide values (store name, menus, fingerprinted asset
/// URLs, the rendered header and footer) are the ones the last `shelf build` wrote to
/// `.shelf/site-values.json`, so a function page links the very CSS the static pages link.
public struct ThemePages: Sendable {
    private let templates: TemplateSet
    private let site: JSON
    private let baseURL: String

    /// The file the build writes the site-wide values to, relative to the store folder.
    public static let siteValuesFile = ".shelf/site-values.json"

    /// Loads the templates and site values of the store at `root`.
    public static func load(root: String, config: StoreConfig) throws -> ThemePages {
        guard let bytes = FileManager.default.contents(atPath: root + "/" + siteValuesFile) else {
            throw PagesError("\(siteValuesFile) is missing: run `shelf build` before serving the functions")
        }
        let site: JSON
        do {
            site = try JSON.parse([UInt8](bytes), maxDepth: 64)
        } catch {
            throw PagesError("\(siteValuesFile): \(error); run `shelf build` again")
        }
        var templates = TemplateSet()
        for folder in [root + "/themes/\(config.theme)/templates", root + "/templates"] {
            for name in templateNames(under: folder) {
                guard let text = try? String(contentsOfFile: folder + "/" + name + ".mustache", encoding: .utf8) else {
                    throw PagesError("\(folder)/\(name).mustache cannot be read as UTF-8")
                }
                do {
                    // Pages drop the indentation as the build's pages do; an email's text part
                    // shows its white space, so the emails are kept as written.
                    try templates.add(name, text: name.hasPrefix("emails/") ? text : TemplateIndentation.removed(from: text))
                } catch {
                    let place = "\(folder)/\(name).mustache" + (error.line.map { ":\($0)" } ?? "")
                    throw PagesError("\(place): template syntax error: \(error.message); run `shelf check`")
                }
            }
        }
        return ThemePages(templates: templates, site: site, baseURL: config.baseURL)
    }

    /// Renders `template` with `values` under `page`, then the layout around it.
    ///
    /// - Parameters:
    ///   - title: the page title, before the store name.
    ///   - path: the page's path, for its canonical link.
    public func render(_ template: String, title: String, path: String, values: [String: Any]) throws -> String {
        var all = siteValues
        for (key, value) in values { all[key] = value }
        let storeName = (all["site"] as? [String: Any])?["name"] as? String ?? ""
        all["page"] =
            [
                "title": storeName.isEmpty ? title : "\(title) · \(storeName)", "canonical": baseURL + path, "path": path,
                "noindex": true,
            ] as [String: Any]
        // The header and footer again, with the page's values: the cart badge shows its count
        // even without JavaScript.
        var chrome = all["chrome"] as? [String: Any] ?? [:]
        for part in ["header", "footer"] {
            if let html = templates.render("partials/\(part)", all) { chrome[part] = html }
        }
        all["chrome"] = chrome
        guard let content = templates.render(template, all) else {
            throw PagesError("the theme has no \(template) template; add templates/\(template).mustache")
        }
        all["content"] = content
        guard let page = templates.render("layout", all) else {
            throw PagesError("the theme has no layout template")
        }
        return page
    }

    /// Renders `template` alone with `values` over the site-wide values (`site.name`,
    /// `site.base_url`), without the layout: an email's text or HTML part.
    public func fragment(_ template: String, values: [String: Any]) throws -> String {
        var all = siteValues
        for (key, value) in values { all[key] = value }
        guard let text = templates.render(template, all) else {
            throw PagesError("the theme has no \(template) template; add templates/\(template).mustache")
        }
        return text
    }

    /// The site-wide values the build wrote, with `site.base_url` from the settings these pages
    /// were loaded with: under `shelf serve`, emails link to the server being run.
    private var siteValues: [String: Any] {
        var all = Self.mustacheValue(site) as? [String: Any] ?? [:]
        var store = all["site"] as? [String: Any] ?? [:]
        store["base_url"] = baseURL
        all["site"] = store
        return all
    }

    /// A JSON value as Mustache reads it: objects as dictionaries, numbers as text.
    static func mustacheValue(_ value: JSON) -> Any? {
        switch value {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag
        case .null: nil
        case .array(let items): items.compactMap(mustacheValue)
        case .object(let members):
            Dictionary(members.compactMap { key, value in mustacheValue(value).map { (key, $0) } }, uniquingKeysWith: { $1 })
        }
    }

    /// Template names (`partials/card`) of the `.mustache` files under `folder`.
    private static func templateNames(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }.sorted()
    }
}

/// The theme cannot render: a merchant-side problem, logged, never shown to the shopper.
public struct PagesError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
