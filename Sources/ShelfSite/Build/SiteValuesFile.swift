import Foundation
import ShelfCore

/// Writes the site-wide template values (store name, menus, asset URLs, the rendered header and
/// footer) to `.shelf/site-values.json`, where the functions read them to render their pages in
/// the same layout as the static ones.
enum SiteValuesFile {
    static func write(_ values: Values, to path: String) throws {
        var writer = BinaryWriter()
        writer.append(json(values).text)
        try writer.replace(path)
    }

    /// Template values as JSON, keys sorted so the file is the same for the same site.
    static func json(_ value: Any) -> JSON {
        switch value {
        case let text as String: .string(text)
        case let flag as Bool: .bool(flag)
        case let number as Int: .number(String(number))
        case let list as [Any]: .array(list.map(json))
        case let object as [String: Any]: .object(object.keys.sorted().map { ($0, json(object[$0]!)) })
        default: .string(String(describing: value))
        }
    }
}
