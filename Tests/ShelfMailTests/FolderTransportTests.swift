import Foundation
import ShelfMail
import Testing

@Suite struct FolderTransportTests {
    func message(text: String) throws -> MailMessage {
        try MailMessage(
            from: try MailAddress(email: "orders@shop.example.com"), to: try MailAddress(email: "zoe@example.org"),
            subject: "Order 1001 is paid", messageID: "order-1001-paid.3f9c2a@shop.example.com", date: 0, text: text)
    }

    @Test func writesOneFilePerMessageIDAndReplacesItOnARepeat() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "shelf-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let transport = FolderTransport(folder: root.appending(path: "data/mail").path)
        try transport.send(try message(text: "first"))
        try transport.send(try message(text: "second"))
        let names = try FileManager.default.contentsOfDirectory(atPath: transport.folder)
        #expect(names == ["order-1001-paid.3f9c2a@shop.example.com.eml"])
        let bytes = try Data(contentsOf: URL(filePath: transport.path(of: try message(text: "second"))))
        #expect(Array(bytes) == (try message(text: "second")).encoded())
    }

    @Test func aFolderThatCannotBeCreatedIsATransientFailure() throws {
        let transport = FolderTransport(folder: "/proc/shelf-cannot-exist/mail")
        let error = #expect(throws: MailDeliveryError.self) { try transport.send(try message(text: "x")) }
        #expect(error?.isPermanent == false && error?.answer.contains("/proc/shelf-cannot-exist") == true)
    }
}
