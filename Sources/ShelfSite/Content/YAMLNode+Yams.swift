import Yams

extension YAMLNode {
    /// The document as Yams composes it, for YAML beyond what ``PlainYAMLReader`` reads: its
    /// syntax errors are what a merchant sees. An empty document is an empty mapping.
    static func composing(_ yaml: String) throws -> YAMLNode {
        // The basic resolver tags every scalar as text; typing is ours (prices stay exact text),
        // and it skips the regular expressions the default resolver runs on every scalar.
        // The encoding is given because Yams works out its default by copying the whole
        // process environment, once per file.
        guard let node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8) else {
            return .mapping([], line: 1)
        }
        return YAMLNode(node)
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain, line: scalar.mark?.line ?? 1)
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), line: sequence.mark?.line ?? 1)
        case .mapping(let mapping):
            self = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, line: mapping.mark?.line ?? 1)
        case .alias(let alias):
            // Composing replaces every alias by the node it names, so none arrives here.
            self = .mapping([], line: alias.mark?.line ?? 1)
        }
    }
}
