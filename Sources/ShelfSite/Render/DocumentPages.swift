import ShelfConfig
import ShelfCore

/// Markdown pages, stories, the story index, campaign landing pages and the 404 page.
struct DocumentPages {
    let model: SiteModel

    func fingerprint(_ document: Document, template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(model.chromeFingerprint)
        hasher.combine(String(describing: document))
        for handle in document.products { hasher.combine(model.cardFingerprint(handle)) }
        return hasher.value
    }

    func values(for document: Document) -> Values {
        let chrome = Chrome(model: model)
        var doc: Values = ["title": document.title, "body_html": document.bodyHTML]
        if let date = document.date {
            doc["date"] = DayFormatter(locale: model.config.locale).string(day: date)
            doc["date_iso"] = date
        }
        doc.setText("author", document.author)
        doc.setText("image", document.image)
        doc.setText("image_alt", document.imageAlt)
        doc.setText("banner", document.banner)
        if let ends = document.ends { doc["ends"] = DayFormatter(locale: model.config.locale).string(day: ends) }
        let description = document.description ?? document.summary
        let head = Chrome.Head(
            title: chrome.title(document.title), description: description, path: document.path,
            og: chrome.openGraph(
                title: document.title, description: description, path: document.path, image: document.image,
                type: document.kind == .story ? "article" : "website"))
        var all = chrome.values(head)
        all["doc"] = doc
        if document.kind == .campaign {
            all["products"] = document.products.filter { model.indexByHandle[$0] != nil }.map { model.card($0) }
        }
        return all
    }

    func storiesFingerprint(template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(model.chromeFingerprint)
        for story in model.content.stories { hasher.combine(String(describing: story)) }
        return hasher.value
    }

    func storiesValues() -> Values {
        let chrome = Chrome(model: model)
        let description = "Stories from \(model.config.name)."
        let head = Chrome.Head(
            title: chrome.title("Stories"), description: description, path: "/stories/",
            og: chrome.openGraph(title: "Stories", description: description, path: "/stories/", image: nil))
        var all = chrome.values(head)
        all["stories"] = model.content.stories.map { DocumentPages.summary(of: $0, model: model) }
        return all
    }

    func notFoundValues() -> Values {
        let chrome = Chrome(model: model)
        var head = Chrome.Head(title: chrome.title("Page not found"), description: "This page does not exist.", path: "/404.html")
        head.noindex = true
        return chrome.values(head)
    }

    /// The values of a static error page the web server shows when a function cannot answer.
    func errorValues(_ page: ErrorPage) -> Values {
        let chrome = Chrome(model: model)
        var head = Chrome.Head(title: chrome.title(page.title), description: page.message, path: page.path)
        head.noindex = true
        var all = chrome.values(head)
        all["error"] = ["status": String(page.status), "title": page.title, "message": page.message] as Values
        return all
    }

    static func summary(of story: Document, model: SiteModel) -> Values {
        var entry: Values = ["title": story.title, "url": story.path]
        if let date = story.date {
            entry["date"] = DayFormatter(locale: model.config.locale).string(day: date)
            entry["date_iso"] = date
        }
        entry.setText("author", story.author)
        entry.setText("description", story.description ?? story.summary)
        entry.setText("image", story.image)
        entry.setText("image_alt", story.imageAlt)
        return entry
    }
}
