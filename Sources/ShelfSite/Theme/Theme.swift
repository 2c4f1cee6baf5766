import Foundation
import ShelfConfig
import ShelfCore
import ShelfTheme

/// A theme's templates, with a store's overrides applied, ready to render.
struct Theme: Sendable {
    /// The templates every theme must have.
    static let requiredTemplates = [
        "layout", "home", "listing", "product", "page", "stories", "story", "campaign", "404", "error", "partials/card", "partials/header",
        "partials/footer", "partials/category-nav", "partials/filters",
    ]

    /// The build step that loads it, for errors.
    static let step = "Load theme"

    private var templates: TemplateSet
    /// The templates a load with `only` read but did not parse, by name: ``completed()`` parses them.
    private var unparsed: [String: (text: String, file: String)] = [:]
    /// Per template: a fingerprint of its text and every partial it pulls in, directly or not.
    let fingerprints: [String: UInt64]
    /// Assets (CSS, JS, images) of the theme: path under `assets/` and bytes.
    let assets: [(name: String, bytes: [UInt8])]

    /// Loads `themes/NAME/templates` and the store's `templates/` overrides.
    ///
    /// `only` names the templates the caller will render: just those, the partials they pull
    /// in and the layout are parsed (the incremental build's fast path renders product pages
    /// alone, from templates an earlier full load has checked). Fingerprints cover every template.
    static func load(_ folder: StoreFolder, name: String, only: Set<String>? = nil) throws(BuildFailure) -> Theme {
        let step = Self.step
        let themeFolder = folder.themeFolder(name)
        guard FileManager.default.fileExists(atPath: themeFolder + "/templates") else {
            throw BuildFailure(
                step: step,
                errors: [
                    SiteError(
                        StoreConfig.fileName,
                        "theme \"\(name)\" has no folder themes/\(name)/templates; copy a theme there (shelf new creates one) or fix theme")
                ])
        }
        var sources: [String: (text: String, file: String)] = [:]
        var problems = Problems()
        for base in [themeFolder + "/templates", folder.templatesFolder] {
            for relative in files(under: base, extension: "mustache") {
                let file = folder.relative(base + "/" + relative)
                do {
                    sources[String(relative.dropLast(".mustache".count))] = (try TextFile.read(base + "/" + relative, relative: file), file)
                } catch {
                    problems.add(error)
                }
            }
        }
        for required in requiredTemplates where sources[required] == nil {
            problems.add(
                folder.relative(themeFolder) + "/templates/\(required).mustache", line: nil, "the theme has no \(required) template; add it"
            )
        }
        let references = sources.mapValues { TemplateSet.partialReferences(in: $0.text) }
        var partials: [String: [String]] = [:]
        for (name, found) in references { partials[name] = found.map(\.name).filter { sources[$0] != nil } }
        let parsed = only.map { closure(of: $0.union(["layout"]), partials) } ?? Set(sources.keys)
        var templates = TemplateSet()
        var unparsed: [String: (text: String, file: String)] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            if !parsed.contains(name) {
                unparsed[name] = source
            } else {
                do {
                    try templates.add(name, text: TemplateIndentation.removed(from: source.text))
                } catch {
                    problems.add(source.file, line: error.line, "template syntax error: \(error.message)")
                }
            }
            for (line, partial) in references[name] ?? [] where sources[partial] == nil {
                problems.add(
                    source.file, line: line,
                    "the partial \"\(partial)\" does not exist; create templates/\(partial).mustache or fix the name")
            }
        }
        try problems.throwIfAny(step: step)

        var fingerprints: [String: UInt64] = [:]
        for name in sources.keys {
            var hasher = StableHasher()
            var seen: Set<String> = []
            var pending = [name, "layout"]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                hasher.combine(next)
                hasher.combine(sources[next]?.text)
                pending += partials[next] ?? []
            }
            fingerprints[name] = hasher.value
        }

        var assets: [(String, [UInt8])] = []
        let assetsFolder = themeFolder + "/assets"
        for relative in files(under: assetsFolder, extension: nil) {
            if let data = FileManager.default.contents(atPath: assetsFolder + "/" + relative) {
                assets.append((relative, [UInt8](data)))
            }
        }
        return Theme(templates: templates, unparsed: unparsed, fingerprints: fingerprints, assets: assets)
    }

    /// This theme with every template parsed, as a load without `only` gives it: the templates
    /// parsed already, the assets and the fingerprints are not read or worked out again.
    func completed() throws(BuildFailure) -> Theme {
        guard !unparsed.isEmpty else { return self }
        var whole = self
        var problems = Problems()
        for (name, source) in unparsed.sorted(by: { $0.key < $1.key }) {
            do {
                try whole.templates.add(name, text: TemplateIndentation.removed(from: source.text))
            } catch {
                problems.add(source.file, line: error.line, "template syntax error: \(error.message)")
            }
        }
        try problems.throwIfAny(step: Self.step)
        whole.unparsed = [:]
        return whole
    }

    /// The assets with their content-fingerprinted URLs (`app.css` → `/assets/app.3f9c2a1b07.css`).
    var fingerprintedAssets: [(name: String, path: String, bytes: [UInt8])] {
        assets.map { asset in
            let dot = asset.name.lastIndex(of: ".") ?? asset.name.endIndex
            let fingerprinted = "\(asset.name[..<dot]).\(StableHasher.hash(asset.bytes).hex.prefix(10))\(asset.name[dot...])"
            return (asset.name, "/assets/" + fingerprinted, asset.bytes)
        }
    }

    /// Renders a page template, then the layout around it, as the page file's bytes.
    func renderPage(_ template: String, _ values: [String: Any]) -> [UInt8] {
        var values = values
        let content = templates.renderBytes(template, values) ?? []
        values["content"] = String(decoding: content, as: UTF8.self)
        return templates.renderBytes("layout", values, capacity: content.count + 8192) ?? []
    }

    /// Renders one template on its own, without the layout (a card, say).
    func render(_ template: String, _ values: Values) -> String {
        templates.render(template, values) ?? ""
    }

    /// The templates `names` pull in, directly or through each other, and `names` themselves.
    private static func closure(of names: Set<String>, _ partials: [String: [String]]) -> Set<String> {
        var seen: Set<String> = []
        var pending = Array(names)
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += partials[next] ?? []
        }
        return seen
    }

    /// Relative paths of the files under a folder, sorted, recursively.
    static func files(under folder: String, extension ext: String?) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            guard !isFolder.boolValue, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            if let ext, !relative.hasSuffix("." + ext) { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}
