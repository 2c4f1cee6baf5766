import ShelfConfig
import ShelfCore

/// Reads pages, stories and campaigns.
struct DocumentReader {
    let kind: Document.Kind
    /// The store's currency, for amounts in a campaign's discounts.
    var currency: Currency

    private var keys: Set<String> {
        switch kind {
        case .page: ["title", "handle", "description"]
        case .story: ["title", "handle", "description", "date", "author", "image", "image_alt"]
        case .campaign:
            ["title", "handle", "description", "banner", "image", "image_alt", "products", "starts", "ends", "time_zone", "discount"]
        }
    }

    /// The document, with the lines of the image and product list for cross-file checks.
    func read(_ text: String, file: String, defaultHandle: String) throws(SiteError) -> (document: Document, lines: [String: Int]) {
        let parts = try FrontMatter(splitting: text, file: file)
        let root = try YAMLValue.parse(parts.yaml, file: file, firstLine: parts.yamlFirstLine)
        let fields = try root.fields("the \(kind.rawValue)", allowed: keys)
        let handle = try fields.text("handle") ?? defaultHandle
        guard Slug.isValid(handle) else {
            throw (fields["handle"] ?? root).error(
                "handle \"\(handle)\" must be lower case letters, digits and dashes, like \"\(Slug.make(handle))\"")
        }
        let image = try fields.text("image")
        if let image, !image.hasPrefix("/") || image.contains("..") {
            throw fields["image"]!.error("image \"\(image)\" must be a path under static/ starting with /")
        }
        let date = kind == .story ? try fields.required("date").date("date") : nil
        var window = CampaignWindow()
        var discounts: [CampaignDiscount] = []
        if kind == .campaign {
            let campaign = CampaignReader(fields: fields, handle: handle, currency: currency)
            window = try campaign.window()
            discounts = try campaign.discounts(window: window)
        }
        let body = Markdown.render(parts.body)
        let document = Document(
            kind: kind, handle: handle, title: try fields.required("title").text("title"),
            description: try fields.text("description"), date: date, author: try fields.text("author"),
            image: image, imageAlt: try fields.text("image_alt"), banner: try fields.text("banner"),
            products: try fields["products"]?.strings("products") ?? [],
            starts: try fields["starts"]?.text("starts").prefix(10).description,
            ends: try fields["ends"]?.text("ends").prefix(10).description, window: window, discounts: discounts,
            bodyHTML: body.html, summary: body.summary, file: file)
        var lines: [String: Int] = [:]
        for key in ["image", "products"] { lines[key] = fields[key]?.line }
        return (document, lines)
    }
}
