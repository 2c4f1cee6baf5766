import Foundation
import Glibc
import ShelfCore

/// When the static pages next change because a campaign starts or ends, kept in
/// `.shelf/campaign-due` (Unix seconds) so that `shelf build --due` rebuilds only then.
///
/// The moment a build renders for is the clock's, or `SHELF_NOW` (Unix seconds) when set: an
/// override for tests only, read by builds and never by the functions.
public enum CampaignSchedule {
    /// Now, as builds see it.
    public static func now() -> Int64 {
        if let text = getenv("SHELF_NOW").map({ String(cString: $0) }), let seconds = Int64(text) { return seconds }
        return Int64(time(nil))
    }

    static func path(_ folder: StoreFolder) -> String { folder.workFolder + "/campaign-due" }

    /// True when a campaign start or end recorded by the last build has come by `now`.
    public static func isDue(_ folder: StoreFolder, now: Int64) -> Bool {
        guard let due = next(folder) else { return false }
        return due <= now
    }

    /// The moment recorded by the last build; nil when no campaign will change.
    public static func next(_ folder: StoreFolder) -> Int64? {
        guard let data = FileManager.default.contents(atPath: path(folder)) else { return nil }
        return Int64(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Records the next start or end after `now` of `campaigns`, or forgets it when none is left.
    static func record(_ campaigns: [Document], now: Int64, in folder: StoreFolder) throws {
        guard let next = campaigns.compactMap({ $0.window.nextChange(after: now) }).min() else {
            try? FileManager.default.removeItem(atPath: path(folder))
            return
        }
        try FileManager.default.createDirectory(atPath: folder.workFolder, withIntermediateDirectories: true)
        try Data("\(next)\n".utf8).write(to: URL(fileURLWithPath: path(folder)), options: .atomic)
    }
}
