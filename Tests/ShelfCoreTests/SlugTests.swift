import ShelfCore
import Testing

@Suite struct SlugTests {
    @Test func makesLowerCaseDashedNames() {
        #expect(Slug.make("Forest Green") == "forest-green")
        #expect(Slug.make("2XL") == "2xl")
        #expect(Slug.make("  Tee / Black  ") == "tee-black")
        #expect(Slug.make("Crème brûlée") == "cr-me-br-l-e")
        #expect(Slug.make("Ⅻ ٣ ＡＢ 👍🏽x ß-Straße") == "x-stra-e")
        #expect(Slug.make("é") == "")
        #expect(Slug.make("a\u{301}b") == "a-b")
    }

    @Test func validatesSlugs() {
        #expect(Slug.isValid("organic-tee"))
        #expect(!Slug.isValid("Organic Tee"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("tee-"))
    }
}
