import ShelfStore

/// The limit on failed logins per client address, across accounts (password spraying): 20 in
/// 10 minutes, counted in the database.
enum ClientThrottle {
    static let limit = 20
    static let window: Int64 = 600

    /// Whole minutes until the client may try again, or nil when it may now.
    static func minutesToWait(client: String, in store: Store, now: Int64) throws -> Int64? {
        let failures = try store.loginFailures(client: client, since: now - window)
        guard failures.count >= limit else { return nil }
        // The attempt that must leave the window before the client is under the limit again.
        let freedAt = failures[failures.count - limit] + window
        return max(1, (freedAt - now + 59) / 60)
    }

    /// What to tell a client that must wait, or nil when it may try now.
    static func problem(client: String, in store: Store, now: Int64) throws -> String? {
        guard let minutes = try minutesToWait(client: client, in: store, now: now) else { return nil }
        return "Too many failed attempts to log in from your network. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
    }
}
