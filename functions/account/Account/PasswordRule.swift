/// What a new password must be. For now only its length, 8 to 128 characters; the common
/// password list and Unicode normalisation replace this one check when they arrive.
enum PasswordRule {
    static let lengths = 8...128

    /// Why `password` cannot be used, or nil when it can.
    static func problem(with password: String) -> String? {
        lengths.contains(password.count) ? nil : "Password must be 8 to 128 characters long"
    }
}
