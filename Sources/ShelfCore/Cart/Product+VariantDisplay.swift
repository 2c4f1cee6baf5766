extension Product {
    /// The variant's option values paired with the option names, in the order of ``options``:
    /// `[Colour = Forest, Size = M]`.
    public func options(of variant: Variant) -> [VariantOption] {
        zip(options, variant.optionValues).map { VariantOption(name: $0.name, value: $1) }
    }

    /// The picture that shows `variant`: the first image tagged with one of its option values
    /// (the Forest tee for Forest / M), else the product's first image, else none.
    public func image(of variant: Variant) -> ProductImage? {
        images.first { image in image.optionValue.map(variant.optionValues.contains) ?? false } ?? images.first
    }
}
