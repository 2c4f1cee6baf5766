import ShelfConfig
import ShelfSite
import ShelfStore
import Testing

@Suite struct NewsletterReaderTests {
    let fixture: FixtureStore
    let content: StoreContent

    init() throws {
        fixture = try FixtureStore()
        content = try ContentLoader.load(fixture.folder)
    }

    private func read(_ text: String) throws(SiteError) -> Newsletter {
        do {
            try fixture.write("content/newsletters/spring.md", text)
        } catch {
            Issue.record("cannot write the fixture: \(error)")
        }
        return try NewsletterReader.read(root: fixture.root, file: "content/newsletters/spring.md", content: content)
    }

    private func problem(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func rendersSectionsProductCardsAndTrackedStoreLinks() throws {
        let newsletter = try read(
            """
            ---
            subject: Spring is here
            preheader: New tees
            audience: all
            ---
            Hello. [New in](/catalogue/) and [elsewhere](https://other.example/x).

            ## Fresh tees

            {{product organic-tee}}

            Also on [our site](https://fixture.example/stories/).
            """)
        #expect(newsletter.slug == "spring")
        #expect(newsletter.subject == "Spring is here" && newsletter.preheader == "New tees")
        #expect(newsletter.audience == .all)
        #expect(newsletter.sections == ["intro", "fresh-tees"])
        #expect(
            newsletter.links == [
                NewsletterLink(section: "intro", target: "/catalogue/"),
                NewsletterLink(section: "fresh-tees", target: "/products/organic-tee/"),
                NewsletterLink(section: "fresh-tees", target: "/stories/"),
            ])
        #expect(newsletter.html.contains("href=\"\(NewsletterIssue.linkPlaceholder(0))\""))
        #expect(newsletter.html.contains("href=\"https://other.example/x\""))
        #expect(newsletter.html.contains("Organic Tee") && newsletter.html.contains("€"))
        #expect(!newsletter.html.contains("{{product"))
        #expect(newsletter.text.contains("New in (\(NewsletterIssue.linkPlaceholder(0)))"))
        #expect(newsletter.text.contains("elsewhere (https://other.example/x)"))
    }

    @Test func sectionsCanBeNamedInTheFrontMatter() throws {
        let newsletter = try read(
            "---\nsubject: Hi\naudience:\n  topic: news\nsections: [opening, tees]\n---\n[a](/a/)\n\n## Fresh tees\n\n[b](/b/)\n")
        #expect(newsletter.audience == .topic("news"))
        #expect(newsletter.sections == ["opening", "tees"])
        #expect(newsletter.links.map(\.section) == ["opening", "tees"])
    }

    @Test func boughtFromNamesACategoryOfTheStore() throws {
        let newsletter = try read("---\nsubject: Hi\naudience:\n  bought_from: tops\n---\nHello\n")
        #expect(newsletter.audience == .boughtFrom(category: "tops"))
        #expect(
            problem("---\nsubject: Hi\naudience:\n  bought_from: hats\n---\nHello\n")?.contains("spring.md:4: no product is in") == true)
    }

    @Test func mistakesNameTheFileAndLine() {
        let file = "content/newsletters/spring.md"
        #expect(problem("---\naudience: all\n---\nHi\n")?.hasPrefix("\(file):2: the newsletter has no subject") == true)
        #expect(problem("---\nsubject: Hi\naudience: everyone\n---\nHi\n")?.hasPrefix("\(file):3: audience is `all`") == true)
        #expect(problem("---\nsubject: Hi\naudience: all\ncolour: red\n---\nHi\n")?.hasPrefix("\(file):4: unknown key \"colour\"") == true)
        #expect(
            problem("---\nsubject: Hi\naudience: all\n---\nHi\n\n{{product nope}}\n")?.hasPrefix(
                "\(file):7: no product has the handle \"nope\"") == true)
        #expect(problem("---\nsubject: Hi\naudience: all\n---\n{{ name }}\n")?.hasPrefix("\(file):5: the only shortcode") == true)
        #expect(problem("---\nsubject: Hi\naudience: all\n---\n## A\n\n## A\n")?.hasPrefix("\(file):7: two sections") == true)
        #expect(problem("---\nsubject: Hi\naudience: all\nsections: [x]\n---\n## A\n")?.hasPrefix("\(file):4: sections names 1") == true)
    }
}
