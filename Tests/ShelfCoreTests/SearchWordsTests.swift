import ShelfCore
import Testing

struct SearchWordsTests {
    @Test func textIsLowerCasedAndLosesItsAccents() {
        #expect(SearchWords.words(in: "Crème BRÛLÉE Façade") == ["creme", "brulee", "facade"])
    }

    @Test func simplePluralsBecomeSingular() {
        #expect(
            SearchWords.words(in: "jumpers dresses boxes watches berries shoes") == ["jumper", "dress", "box", "watch", "berry", "shoe"])
    }

    @Test func wordsThatOnlyLookPluralStay() {
        #expect(SearchWords.words(in: "dress cactus tennis xs 3xs bus") == ["dress", "cactus", "tennis", "xs", "3xs", "bus"])
    }

    @Test func pluralsOfIeAndFWordsAlsoOfferTheirOtherSingulars() {
        #expect(SearchWords.otherSingulars(of: SearchWords.stem("hoodies")) == ["hoodie"])
        #expect(SearchWords.otherSingulars(of: SearchWords.stem("scarves")) == ["scarf", "scarfe"])
        #expect(SearchWords.otherSingulars(of: SearchWords.stem("knives")) == ["knif", "knife"])
        #expect(SearchWords.otherSingulars(of: "coat") == [])
        #expect(SearchWords.otherSingulars(of: "3xy") == [])
    }

    @Test func aSKUIsIndexedByItsPartsAndAsOneWord() {
        #expect(SearchWords.words(in: "OCT-FOR-XS") == ["oct", "for", "xs", "octforxs"])
        #expect(SearchWords.queryWords(in: "oct-for-xs") == ["octforxs"])
        #expect(SearchWords.queryWords(in: "T-shirts") == ["tshirt"])
    }

    @Test func querySyntaxCharactersAreOnlySeparators() {
        let typed = "\"wool* NEAR(coat) AND ^navy -red OR \"unbalanced'"
        #expect(SearchWords.queryWords(in: typed) == ["wool", "nearcoat", "and", "navy", "red", "or", "unbalanced"])
        #expect(SearchWords.queryWords(in: "\" * ^ - ( ) :") == [])
        #expect(SearchWords.queryWords(in: "wool\u{0}coat\ttee") == ["wool", "coat", "tee"])
    }

    @Test func everyWordIsMadeOfLettersAndDigitsOnly() {
        let words = SearchWords.words(in: "a+b=c; d/e \\f 'g' `h` [i] {j} <k> 50% £9.99 #1 @x ~y |z")
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } })
    }

    @Test func deletionsLeaveOutEachCharacterOnce() {
        #expect(SearchWords.deletions(of: "wool") == ["wool", "ool", "wol", "woo"])
    }

    @Test func distanceCountsEditsAndSwapsOfNeighbours() {
        #expect(SearchWords.distance("jumper", "jumper") == 0)
        #expect(SearchWords.distance("jumpr", "jumper") == 1)
        #expect(SearchWords.distance("jumpre", "jumper") == 1)
        #expect(SearchWords.distance("yumper", "jumper") == 1)
        #expect(SearchWords.distance("jmpre", "jumper") == 2)
        #expect(SearchWords.distance("", "wool") == 4)
    }
}
