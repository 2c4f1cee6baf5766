import ShelfCore
import Testing

@Suite struct JSONTests {
    @Test func parsesAndWritesBackTheSameText() throws {
        let text = #"{"a":[1,-2.5e3,true,false,null],"b":{"c":"d\"e\\f\u00e9"},"emoji":"😀"}"#
        let value = try JSON.parse(Array(text.utf8))
        #expect(value["b"]?["c"]?.string == "d\"e\\fé")
        #expect(value["emoji"]?.string == "😀")
        #expect(value.text == #"{"a":[1,-2.5e3,true,false,null],"b":{"c":"d\"e\\fé"},"emoji":"😀"}"#)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSON.parse(Array(#""\ud83d\ude00""#.utf8)).string == "😀")
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "{\"a\" 1}", "{1:2}", "[1] [2]",
        "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\udc00\"", "\"\\x\"", "\"a\u{1}\"",
    ])
    func refusesInvalidJSON(_ text: String) {
        #expect(throws: JSONError.self) { try JSON.parse(Array(text.utf8)) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: JSONError.self) { try JSON.parse(Array(deep.utf8), maxDepth: 32) }
        #expect(throws: Never.self) { try JSON.parse(Array(deep.utf8), maxDepth: 64) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSON.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
