import ShelfConfig
import Testing

/// `[reviews] moderation` chooses whether a review waits for the merchant or shows at once.
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

    @Test func unknownReviewSettingIsRefused() {
        expectConfigRefused(valid + "[reviews]\nstars = 5\n", saying: "stars")
    }
}
