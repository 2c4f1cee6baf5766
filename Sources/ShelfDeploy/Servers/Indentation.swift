/// The lines, each indented by `spaces`, as one block of text for a configuration template.
/// The first line is indented too, so the block goes at the start of a line.
func indented(_ lines: [String], _ spaces: Int) -> String {
    let indent = String(repeating: " ", count: spaces)
    return lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
}
