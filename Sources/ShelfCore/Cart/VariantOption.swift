/// One option of a variant with the value it takes, such as Colour = Forest.
public struct VariantOption: Sendable, Hashable {
    /// The option's name (`Colour`).
    public var name: String
    /// The variant's value of that option (`Forest`).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
