/// A YAML node as the content readers see it: a text, a list or a mapping, each with the line
/// (1-based, inside the YAML) where it starts.
///
/// Both readers of front matter give this: ``PlainYAMLReader`` for the plain YAML most files hold,
/// and Yams for the rest (``YAMLNode/composing(_:)``).
enum YAMLNode: Equatable {
    /// A scalar's text as written; `plain` when it is neither quoted nor a block scalar, so
    /// that `~` and `null` can mean nothing while `"~"` stays text.
    case scalar(String, plain: Bool, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([Pair], line: Int)

    /// One `key: value` entry of a mapping.
    struct Pair: Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var line: Int {
        switch self {
        case .scalar(_, _, let line), .sequence(_, let line), .mapping(_, let line): line
        }
    }
}
