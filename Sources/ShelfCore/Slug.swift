/// URL-safe names: lower case ASCII letters, digits and single dashes.
public enum Slug {
    /// Turns a display name into a slug: `"Forest Green"` → `forest-green`, `"2XL"` → `2xl`.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first!)
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// True when `text` is already a valid slug.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
