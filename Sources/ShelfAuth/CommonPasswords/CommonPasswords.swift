/// The 10,000 most common passwords (see `NOTICE.md` for their source), compiled into the binary
/// so that a deployed function needs no data file.
enum CommonPasswords {
    /// The list as a set, built at first use (a static is initialised once, thread-safely).
    private static let set = Set(list.split(separator: "\n"))

    /// True when `password`, in any case, is on the list.
    static func contains(_ password: String) -> Bool {
        set.contains(Substring(password.lowercased()))
    }
}
