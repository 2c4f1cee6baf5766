import ShelfCore
import Testing

struct PercentEncodingTests {
    @Test func unreservedCharactersStayAndEveryOtherByteIsEncoded() {
        #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(PercentEncoding.encode("a&b=c/d:e?f#g+h%") == "a%26b%3Dc%2Fd%3Ae%3Ff%23g%2Bh%25")
        #expect(PercentEncoding.encode("crème\n\u{0}") == "cr%C3%A8me%0A%00")
    }

    @Test func aSpaceIsPercentTwentyOrAPlusForQueryStrings() {
        #expect(PercentEncoding.encode("Navy & Co") == "Navy%20%26%20Co")
        #expect(PercentEncoding.encode("Navy & Co", spaceAsPlus: true) == "Navy+%26+Co")
    }
}
