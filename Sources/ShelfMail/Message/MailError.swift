/// A value that cannot go into a message: an address, a name, a subject or a message id that
/// would break a header or the SMTP envelope.
///
/// It prints for a person: `the email address contains a line break`.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was refused: `email address`, `name`, `subject`, `message id`.
    public var subject: String
    /// What is wrong with it, as the end of a sentence (`contains a line break`).
    public var problem: String

    public init(_ subject: String, _ problem: String) {
        self.subject = subject
        self.problem = problem
    }

    public var description: String { "the \(subject) \(problem)" }
}
