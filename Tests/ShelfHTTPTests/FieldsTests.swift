import Testing

@testable import ShelfHTTP

@Suite struct FieldsTests {
    func form(_ text: String) throws(HTTPError) -> Fields { try Fields(form: Array(text.utf8)) }

    @Test func decodesPlusAndPercentEscapes() throws {
        let fields = try form("sku=TEE-M&note=hello+world%21&empty=")
        #expect(try fields.required("sku") == "TEE-M")
        #expect(try fields.optional("note") == "hello world!")
        #expect(try fields.optional("empty") == "")
        #expect(try fields.optional("absent") == nil)
    }

    @Test func aRepeatedSingleValueFieldIsABadRequest() throws {
        let fields = try form("quantity=1&quantity=9")
        #expect(throws: HTTPError.self) { try fields.optional("quantity") }
    }

    @Test(arguments: ["sku=%", "sku=%4", "sku=%zz", "sku=%FF", "sku=%C3", "sku=a%00b"])
    func refusesBrokenEscapesInvalidUTF8AndNUL(_ text: String) {
        #expect(throws: HTTPError.self) { try form(text) }
    }

    /// Bytes sent as they are, not escaped: a NUL or bytes that are not UTF-8 are refused as
    /// their escapes are, and plain UTF-8 reads as itself.
    @Test(arguments: [[0], [0xFF], [0xC3], [0x61, 0, 0x62]] as [[UInt8]])
    func refusesRawNULAndInvalidUTF8(_ raw: [UInt8]) {
        #expect(throws: HTTPError.self) { try Fields(form: Array("sku=".utf8) + raw) }
        #expect(throws: HTTPError.self) { try Fields(form: raw + Array("=TEE-M".utf8)) }
    }

    @Test func readsUnescapedValuesAsThemselves() throws {
        let fields = try Fields(form: Array("sku=TEE-M_1.x~&quantity=2&note=caf\u{E9}".utf8))
        #expect(try fields.required("sku") == "TEE-M_1.x~")
        #expect(try fields.required("quantity") == "2")
        #expect(try fields.required("note") == "caf\u{E9}")
    }

    @Test func aMissingRequiredFieldNamesIt() throws {
        do {
            _ = try form("quantity=1").required("sku")
            Issue.record("expected an error")
        } catch {
            #expect(error.status == 400)
            #expect(error.message.contains("sku"))
        }
    }

    @Test func readsAFlatJSONObject() throws {
        let fields = try Fields(json: Array(#"{"sku": "TEE-M", "quantity": 2, "gift": true, "note": null}"#.utf8))
        #expect(try fields.required("sku") == "TEE-M")
        #expect(try fields.required("quantity") == "2")
        #expect(try fields.optional("gift") == "true")
        #expect(try fields.optional("note") == nil)
    }

    @Test(arguments: [
        #"{"sku": "A", "sku": "B"}"#, #"["sku"]"#, #"{"sku": {"x": 1}}"#, #"{"sku": "A"} x"#, "{\"sku\": \"\u{1}\"}", #"{"sku": "\ud800"}"#,
    ])
    func refusesJSONThatIsNotAPlainObject(_ text: String) {
        #expect(throws: HTTPError.self) { try Fields(json: Array(text.utf8)) }
    }

    @Test(arguments: [#"{"sku": "TEE-M\u0000X"}"#, #"{"sk\u0000u": "TEE-M"}"#])
    func refusesANULInJSONAsInFormData(_ text: String) {
        let error = #expect(throws: HTTPError.self) { try Fields(json: Array(text.utf8)) }
        #expect(error?.status == 400 && error?.log == "NUL in JSON field")
    }

    @Test func refusesJSONThatIsNotUTF8() {
        #expect(throws: HTTPError.self) { try Fields(json: [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) }
    }
}
