import ShelfCore
import Testing

/// A review form is checked and cleaned before anything is stored.
@Suite struct ReviewDraftTests {
    private let good = ["rating": "4", "title": "Warm coat", "body": "Kept me warm.", "name": "Ryan M."]

    private func fields(_ changes: [String: String]) -> [String: String] {
        good.merging(changes) { $1 }
    }

    private func problems(_ changes: [String: String], asksFit: Bool = false) -> [String: String] {
        do {
            _ = try ReviewDraft(fields: fields(changes), asksFit: asksFit)
            return [:]
        } catch {
            return error.byField
        }
    }

    @Test func goodFormIsRead() throws {
        let draft = try ReviewDraft(fields: good, asksFit: false)
        #expect(draft == ReviewDraft(rating: 4, title: "Warm coat", body: "Kept me warm.", displayName: "Ryan M."))
    }

    @Test(arguments: ["0", "6", "2.5", "five", "", " ", "-1", "05", "4 "])
    func starsOutsideOneToFiveAreRefused(_ rating: String) {
        if rating == "4 " {
            #expect(problems(["rating": rating]).isEmpty)
        } else {
            #expect(problems(["rating": rating])["rating"] == "Choose from 1 to 5 stars.")
        }
    }

    @Test func missingStarsAreRefused() throws {
        var form = good
        form["rating"] = nil
        #expect(throws: ReviewDraftProblems.self) { try ReviewDraft(fields: form, asksFit: false) }
    }

    @Test func overlongTitleAndTextAreRefusedWithTheirLength() {
        let found = problems(["title": String(repeating: "a", count: 201), "body": String(repeating: "b", count: 5001)])
        #expect(found["title"] == "Keep it to 200 characters (it has 201).")
        #expect(found["body"] == "Keep it to 5000 characters (it has 5001).")
        #expect(problems(["title": String(repeating: "a", count: 200), "body": String(repeating: "b", count: 5000)]).isEmpty)
    }

    @Test func lengthsCountScalarsAsTheDatabaseDoes() {
        // One flag is one Character but two scalars: 100 flags are 200 scalars, 101 are too many.
        #expect(problems(["title": String(repeating: "🇫🇷", count: 100)]).isEmpty)
        #expect(problems(["title": String(repeating: "🇫🇷", count: 101)])["title"] != nil)
    }

    @Test func htmlIsKeptAsPlainText() throws {
        let draft = try ReviewDraft(
            fields: fields(["title": "<script>alert(1)</script>", "body": "<b>bold</b> & \"quoted\""]), asksFit: false)
        #expect(draft.title == "<script>alert(1)</script>")
        #expect(draft.body == "<b>bold</b> & \"quoted\"")
    }

    @Test func lineBreaksInTitleAndNameAreFolded() throws {
        let draft = try ReviewDraft(
            fields: fields(["title": "Warm\r\nSubject: spam\rcoat", "name": "Ryan\n\nM.", "body": "one\r\ntwo\rthree"]), asksFit: false)
        #expect(draft.title == "Warm Subject: spam coat")
        #expect(draft.displayName == "Ryan M.")
        #expect(draft.body == "one\ntwo\nthree")
    }

    @Test func hiddenAndDirectionCharactersAreRemoved() throws {
        let hidden =
            "\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{FEFF}"
        let draft = try ReviewDraft(
            fields: fields(["title": "Ni\(hidden)ce", "body": "gpj.\u{202E}exe", "name": "Ry\u{200B}an"]), asksFit: false)
        #expect(draft.title == "Nice")
        #expect(draft.body == "gpj.exe")
        #expect(draft.displayName == "Ryan")
    }

    @Test func controlCharactersLeaveTheText() throws {
        let draft = try ReviewDraft(fields: fields(["body": "a\u{0}b\u{7}c\td"]), asksFit: false)
        #expect(draft.body == "abc\td")
    }

    @Test func fieldsEmptyAfterCleaningAreRefusedEachWithItsReason() {
        let found = problems(["title": "\u{200B}\u{202E}  ", "body": "\r\n\u{FEFF}", "name": "\n"])
        #expect(found["title"] == "Write a title.")
        #expect(found["body"] == "Write what you think of it.")
        #expect(found["name"] == "Write the name to show.")
    }

    @Test func fitIsReadOnlyWhenAsked() throws {
        #expect(try ReviewDraft(fields: fields(["fit": "small"]), asksFit: true).fit == .small)
        #expect(try ReviewDraft(fields: fields(["fit": "true"]), asksFit: true).fit == .trueToSize)
        #expect(try ReviewDraft(fields: fields(["fit": ""]), asksFit: true).fit == nil)
        #expect(try ReviewDraft(fields: fields(["fit": "large"]), asksFit: false).fit == nil)
        #expect(problems(["fit": "huge"], asksFit: true)["fit"] != nil)
    }

    @Test func defaultNameIsFirstNameAndInitial() {
        #expect(ReviewDraft.defaultName(for: "Ryan Miller") == "Ryan M.")
        #expect(ReviewDraft.defaultName(for: "  Anna  Maria\r\nSmith ") == "Anna S.")
        #expect(ReviewDraft.defaultName(for: "Cher") == "Cher")
        #expect(ReviewDraft.defaultName(for: "") == "")
    }
}
