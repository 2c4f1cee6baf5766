import ShelfCore
import Testing

@Suite struct JSONWriterTests {
    /// Escapes for a `<script>` element and for JavaScript's line ends, between runs of bytes
    /// that need none; the same whether written value by value or from a ``JSON`` value.
    @Test func escapesWhatJSONAndScriptsNeedAndCopiesTheRest() {
        let text = "Tee <b>&\"quoted\"\\ \n\t\r\u{1}\u{1F}\u{2028}x\u{2029}é😀"
        let expected = #""Tee \u003cb\u003e\u0026\"quoted\"\\ \n\t\r\u0001\u001f\u2028x\u2029é😀""#
        var json = JSONWriter()
        json.string(text)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
        #expect(JSON.string(text).text == expected)
        #expect(JSON.string("").text == #""""#)
        #expect(JSON.string("\u{2028}").text == #""\u2028""#)
    }

    /// Commas go between members and items at every depth, none after an opening bracket or a
    /// key: the bytes of the same document built as a ``JSON`` value.
    @Test func writesTheBytesOfTheSameJSONValue() {
        let value = JSON.object([
            ("count", .number("2")), ("lines", .array([.object([("sku", .string("A")), ("options", .array([]))]), .null])),
            ("empty", .object([])), ("flag", .bool(true)), ("code", .null),
        ])
        var json = JSONWriter()
        json.beginObject()
        json.key("count")
        json.number(2)
        json.key("lines")
        json.beginArray()
        json.beginObject()
        json.key("sku")
        json.string("A")
        json.key("options")
        json.beginArray()
        json.endArray()
        json.endObject()
        json.null()
        json.endArray()
        json.key("empty")
        json.beginObject()
        json.endObject()
        json.key("flag")
        json.bool(true)
        json.key("code")
        json.string(nil as String?)
        json.endObject()
        #expect(json.bytes == value.bytes)
        #expect(value.text == #"{"count":2,"lines":[{"sku":"A","options":[]},null],"empty":{},"flag":true,"code":null}"#)
    }
}
