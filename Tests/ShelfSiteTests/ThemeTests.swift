import Foundation
import ShelfConfig
import Testing

@testable import ShelfSite

@Suite struct ThemeTests {
    @Test func syntaxErrorNamesTheTemplateLine() throws {
        let store = try FixtureStore()
        try store.write("templates/page.mustache", "<h1>{{doc.title}}</h1>\n<p>\n{{#doc}}unclosed\n")
        #expect {
            try Theme.load(store.folder, name: "default")
        } throws: { error in
            let problem = (error as? BuildFailure)?.errors.first
            return problem?.file == "templates/page.mustache" && problem?.line != nil && problem!.message.contains("syntax error")
        }
    }

    @Test func syntaxErrorLineIsTheFileLine() throws {
        let store = try FixtureStore()
        try store.write("templates/page.mustache", "<h1>Title</h1>\n<p>{{doc.title</p>\n")
        #expect {
            try Theme.load(store.folder, name: "default")
        } throws: { error in
            (error as? BuildFailure)?.errors.first?.line == 2
        }
    }

    @Test func aPartialLoadParsesWhatItNamesWithTheSameFingerprints() throws {
        let store = try FixtureStore()
        // A broken template the partial load does not need is left alone; a full load refuses it.
        try store.write("templates/page.mustache", "{{#unclosed}}\n")
        let partial = try Theme.load(store.folder, name: "default", only: ["partials/card"])
        #expect(throws: BuildFailure.self) { try Theme.load(store.folder, name: "default") }
        try store.write("templates/page.mustache", "<p>{{doc.title}}</p>\n")
        let full = try Theme.load(store.folder, name: "default")
        let values: Values = ["title": "Tee", "url": "/products/tee/", "price": "€25.00"]
        #expect(partial.render("partials/card", values) == full.render("partials/card", values))
        #expect(partial.render("partials/card", values).contains("/products/tee/"))
        #expect(partial.render("listing", values).isEmpty)
        #expect(partial.fingerprints["product"] == full.fingerprints["product"])
    }

    @Test func aCompletedPartialLoadRendersAsAFullLoadAndRefusesWhatItRefuses() throws {
        let store = try FixtureStore()
        let values: Values = ["title": "Tee", "url": "/products/tee/", "price": "€25.00", "page": ["title": "About"]]
        let completed = try Theme.load(store.folder, name: "default", only: ["partials/card"]).completed()
        let full = try Theme.load(store.folder, name: "default")
        #expect(!completed.render("listing", values).isEmpty)
        for name in ["listing", "page", "home", "partials/card"] {
            #expect(completed.render(name, values) == full.render(name, values))
        }
        #expect(completed.fingerprints == full.fingerprints)
        try store.write("templates/page.mustache", "<h1>Title</h1>\n<p>{{doc.title</p>\n")
        let partial = try Theme.load(store.folder, name: "default", only: ["partials/card"])
        #expect {
            try partial.completed()
        } throws: { error in
            let problem = (error as? BuildFailure)?.errors.first
            return (error as? BuildFailure)?.step == Theme.step && problem?.file == "templates/page.mustache" && problem?.line == 2
        }
    }

    @Test func missingPartialNamesTheIncludingLine() throws {
        let store = try FixtureStore()
        try store.write("templates/page.mustache", "<h1>{{doc.title}}</h1>\n{{> partials/nowhere}}\n")
        #expect {
            try Theme.load(store.folder, name: "default")
        } throws: { error in
            let problem = (error as? BuildFailure)?.errors.first
            return problem?.file == "templates/page.mustache" && problem?.line == 2 && problem!.message.contains("partials/nowhere")
        }
    }

    @Test func storeTemplatesOverrideTheTheme() throws {
        let store = try FixtureStore()
        try store.write("templates/partials/footer.mustache", "<footer>OVERRIDDEN FOOTER</footer>\n")
        _ = try store.build()
        #expect(try store.read("site/about/index.html").contains("OVERRIDDEN FOOTER"))
    }

    @Test func fingerprintCoversPartialsPulledIn() throws {
        let store = try FixtureStore()
        let before = try Theme.load(store.folder, name: "default")
        try store.write("templates/partials/pagination.mustache", "<nav>{{page}}</nav>\n")
        let after = try Theme.load(store.folder, name: "default")
        #expect(before.fingerprints["listing"] != after.fingerprints["listing"])
        #expect(before.fingerprints["page"] == after.fingerprints["page"])
    }
}
