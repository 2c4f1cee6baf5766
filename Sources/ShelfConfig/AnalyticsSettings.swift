/// The analytics settings (`[analytics]` in `shelf.toml`).
///
/// ```toml
/// [analytics]
/// respect_do_not_track = true   # DNT: 1 or Sec-GPC: 1 sends nothing (the default)
/// keep_days = 90                # raw events older than this are deleted by the rollup
/// beacons_per_minute = 60       # page views taken from one visitor in a minute
/// ```
public struct AnalyticsSettings: Sendable, Hashable {
    /// Whether a browser that sends `DNT: 1` or `Sec-GPC: 1` is left out of the analytics.
    public var respectDoNotTrack = true
    /// How many days raw events are kept; the daily rollups stay.
    public var keepDays = 90
    /// The most page views the beacon takes from one visitor hash in a minute.
    public var beaconsPerMinute = 60

    public init() {}

    init(_ reader: TOMLReader) throws(SiteError) {
        guard let section = try reader.table("analytics") else { return }
        try section.allowOnly(["respect_do_not_track", "keep_days", "beacons_per_minute"])
        respectDoNotTrack = try section.bool("respect_do_not_track") ?? respectDoNotTrack
        keepDays = try section.int("keep_days", in: 1...3650) ?? keepDays
        beaconsPerMinute = try section.int("beacons_per_minute", in: 1...10_000) ?? beaconsPerMinute
    }
}
