import ShelfConfig
import ShelfCore
import Testing

/// `[reviews] moderation` chooses whether a review waits for the merchant or shows at once;
/// `fit_categories` which products are asked how they fit.
@Suite struct ReviewSettingsTests {
    let valid = """
        name = "Shop"
        base_url = "https://shop.example"
        currency = "EUR"

        [[categories]]
        handle = "tops"
        title = "Tops"

        """

    @Test func reviewsWaitForApprovalByDefault() throws {
        #expect(try StoreConfig(toml: valid).reviews.moderation == .pre)
    }

    @Test func postModerationIsRead() throws {
        #expect(try StoreConfig(toml: valid + "[reviews]\nmoderation = \"post\"\n").reviews.moderation == .post)
    }

    @Test func unknownModerationIsRefusedWithItsLine() {
        expectConfigRefused(valid + "[reviews]\nmoderation = \"later\"\n", saying: "moderation \"later\" must be \"pre\"")
        expectConfigRefused(valid + "[reviews]\nmoderation = \"later\"\n", saying: "shelf.toml:9:")
    }

    @Test func sizedProductsAreAskedHowTheyFitByDefault() throws {
        #expect(try StoreConfig(toml: valid).reviews.fitQuestion == .sizedProducts)
    }

    @Test func fitCategoriesAreRead() throws {
        let config = try StoreConfig(toml: valid + "[reviews]\nfit_categories = [\"tops\"]\n")
        #expect(config.reviews.fitQuestion == .categories(["tops"]))
        #expect(try StoreConfig(toml: valid + "[reviews]\nfit_categories = []\n").reviews.fitQuestion == .categories([]))
    }

    @Test func badFitCategoriesAreRefusedWithTheirLine() {
        let unknown = valid + "[reviews]\nmoderation = \"pre\"\nfit_categories = [\"tops\", \"shoes\"]\n"
        expectConfigRefused(unknown, saying: "shelf.toml:10: fit_categories names \"shoes\", which is not a declared category")
        expectConfigRefused(valid + "[reviews]\nfit_categories = \"tops\"\n", saying: "shelf.toml:9: fit_categories must be a list")
        expectConfigRefused(valid + "[reviews]\nfit_categories = [\"tops\", \"tops\"]\n", saying: "names \"tops\" twice")
        expectConfigRefused(valid + "[reviews]\nfit_categories = [1]\n", saying: "every entry of fit_categories must be a text")
    }

    @Test func fitCategoriesMayNameCategoriesDeclaredAfterThem() throws {
        let config = try StoreConfig(
            toml: valid
                + "[reviews]\nfit_categories = [\"tops\", \"dresses\"]\n\n[[categories]]\nhandle = \"dresses\"\ntitle = \"Dresses\"\n")
        #expect(config.reviews.fitQuestion == .categories(["tops", "dresses"]))
    }

    @Test func unknownReviewSettingIsRefused() {
        expectConfigRefused(valid + "[reviews]\nstars = 5\n", saying: "stars")
    }
}
