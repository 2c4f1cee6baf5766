import Foundation
import ShelfCore

/// The demo's mailbox: the `.eml` files the folder transport wrote, read back for
/// `shelf serve`'s `/_dev/mail` pages so a newcomer can follow the emails without a mail server.
struct DevMailbox: Sendable {
    let folder: String

    /// One message, decoded enough to show.
    struct Message {
        var name: String
        var headers: [String: String]
        var text: String
        var html: String?
        var modified: Date

        var subject: String { headers["subject"] ?? "(no subject)" }
    }

    /// The messages, newest first.
    func messages() -> [Message] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter(Self.isMessageName).compactMap(message).sorted { ($0.modified, $0.name) > ($1.modified, $1.name) }
    }

    /// The message stored as `name`, or nil when there is none (or the name is not one).
    func message(_ name: String) -> Message? {
        guard Self.isMessageName(name), let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
        let modified = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.modificationDate] as? Date) ?? Date()
        let (headers, body) = Self.split(String(decoding: data, as: UTF8.self))
        var message = Message(name: name, headers: headers, text: "", html: nil, modified: modified)
        let type = headers["content-type"] ?? "text/plain"
        if type.lowercased().hasPrefix("multipart/"), let boundary = Self.parameter("boundary", of: type) {
            for part in body.components(separatedBy: "--" + boundary).dropFirst() where !part.hasPrefix("--") {
                let (partHeaders, partBody) = Self.split(String(part.drop(while: \.isNewline)))
                let decoded = Self.decodeBody(partBody, partHeaders)
                if (partHeaders["content-type"] ?? "").lowercased().hasPrefix("text/html") {
                    message.html = decoded
                } else {
                    message.text = decoded
                }
            }
        } else {
            message.text = Self.decodeBody(body, headers)
        }
        return message
    }

    static func isMessageName(_ name: String) -> Bool {
        name.hasSuffix(".eml") && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-+@".unicodeScalars.contains($0))
            }
    }

    /// Unfolded headers (lower-case names, RFC 2047 words decoded) and the body.
    static func split(_ text: String) -> ([String: String], String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let end = normalized.range(of: "\n\n")
        let head = end.map { String(normalized[..<$0.lowerBound]) } ?? normalized
        let body = end.map { String(normalized[$0.upperBound...]) } ?? ""
        var headers: [String: String] = [:]
        for line in head.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ").split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = decodeWords(line[line.index(after: colon)...].trimmingSpaces)
        }
        return (headers, body)
    }

    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            if pair.count == 2, pair[0].lowercased() == name { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    static func decodeBody(_ body: String, _ headers: [String: String]) -> String {
        switch headers["content-transfer-encoding"]?.lowercased() {
        case "quoted-printable": String(decoding: quotedPrintable(body), as: UTF8.self)
        case "base64": Data(base64Encoded: body, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? body
        default: body
        }
    }

    /// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) decoded; the space between two
    /// adjacent words dropped.
    static func decodeWords(_ value: String) -> String {
        var out = ""
        var previousWasWord = false
        for (index, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let fields = token.hasPrefix("=?") && token.hasSuffix("?=") ? token.dropFirst(2).dropLast(2).split(separator: "?") : []
            if fields.count == 3 {
                let bytes =
                    fields[1].uppercased() == "B"
                    ? Data(base64Encoded: String(fields[2])).map(Array.init) ?? []
                    : quotedPrintable(fields[2].replacingOccurrences(of: "_", with: " "))
                out += (index > 0 && !previousWasWord ? " " : "") + String(decoding: bytes, as: UTF8.self)
                previousWasWord = true
            } else {
                out += (index > 0 ? " " : "") + token
                previousWasWord = false
            }
        }
        return out
    }

    static func quotedPrintable(_ text: String) -> [UInt8] {
        let bytes = Array(text.replacingOccurrences(of: "=\n", with: "").replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let byte = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(byte)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
