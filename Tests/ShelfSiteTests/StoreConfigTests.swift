import Foundation
import ShelfConfig
import ShelfCore
import Testing

@testable import ShelfSite

@Suite struct StoreConfigTests {
    let valid = """
        name = "Shop"
        base_url = "https://shop.example"
        currency = "EUR"

        [catalogue]
        featured_categories = ["tops"]

        [[categories]]
        handle = "tops"
        title = "Tops"
        """

    @Test func readsSettingsWithDefaults() throws {
        let config = try StoreConfig(toml: valid)
        #expect(config.currency.code == "EUR")
        #expect(config.catalogue.perPage == 24)
        #expect(config.categories.map(\.handle) == ["tops"])
        #expect(config.language == "en")
        #expect(config.precompress)
    }

    @Test func unknownCurrencyNamesItsLine() {
        #expect {
            try StoreConfig(toml: valid.replacingOccurrences(of: "\"EUR\"", with: "\"EUX\""))
        } throws: { error in
            let problem = error as? SiteError
            return problem?.file == "shelf.toml" && problem?.line == 3 && problem!.message.contains("EUX")
        }
    }

    @Test func unknownFeaturedCategoryNamesItsLine() {
        #expect {
            try StoreConfig(toml: valid.replacingOccurrences(of: "[\"tops\"]", with: "[\"hats\"]"))
        } throws: { error in
            let problem = error as? SiteError
            return problem?.line == 6 && problem!.message.contains("\"hats\"")
        }
    }

    @Test func unknownSettingIsATypo() {
        #expect {
            try StoreConfig(toml: valid + "\n[build]\nprecompres = true\n")
        } throws: { error in
            (error as? SiteError)?.message.contains("precompres") == true && (error as? SiteError)?.line == 12
        }
    }

    @Test func syntaxErrorHasALine() {
        #expect {
            try StoreConfig(toml: "name = \"Shop\"\nbase_url = \n")
        } throws: { error in
            (error as? SiteError)?.line == 2
        }
    }
}
