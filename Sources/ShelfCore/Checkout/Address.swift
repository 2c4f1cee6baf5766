/// The shopper's contact and shipping address, as typed, before and after checking.
public struct Address: Hashable, Sendable {
    public var email = ""
    public var name = ""
    public var street = ""
    public var street2 = ""
    public var city = ""
    public var postalCode = ""
    /// ISO 3166-1 alpha-2.
    public var country = ""
    public var phone = ""

    public init() {}

    /// The form fields, in form order: name, label, whether required, autocomplete token.
    public static let fields: [(name: String, label: String, required: Bool, autocomplete: String)] = [
        ("email", "Email", true, "email"), ("name", "Full name", true, "name"),
        ("street", "Address", true, "address-line1"), ("street2", "Apartment, suite, etc.", false, "address-line2"),
        ("city", "City", true, "address-level2"), ("postal_code", "Postal code", true, "postal-code"),
        ("country", "Country", true, "country"), ("phone", "Phone", false, "tel"),
    ]

    public subscript(field: String) -> String {
        get {
            switch field {
            case "email": email
            case "name": name
            case "street": street
            case "street2": street2
            case "city": city
            case "postal_code": postalCode
            case "country": country
            case "phone": phone
            default: ""
            }
        }
        set {
            switch field {
            case "email": email = newValue
            case "name": name = newValue
            case "street": street = newValue
            case "street2": street2 = newValue
            case "city": city = newValue
            case "postal_code": postalCode = newValue
            case "country": country = newValue
            case "phone": phone = newValue
            default: break
            }
        }
    }

    /// Every problem, by field, with what to fix; empty when the address can be used. Values are
    /// trimmed first. CR, LF and NUL are refused everywhere: these values reach email headers.
    public mutating func problems(countries: [String]) -> [(field: String, message: String)] {
        var found: [(String, String)] = []
        for field in Self.fields {
            let value = self[field.name].trimmingSpaces
            self[field.name] = value
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                found.append((field.name, "\(field.label) contains characters that cannot be used"))
            } else if field.required && value.isEmpty {
                found.append((field.name, "\(field.label) is required"))
            } else if value.count > (field.name == "postal_code" ? 16 : field.name == "phone" ? 30 : 200) {
                found.append((field.name, "\(field.label) is too long"))
            }
        }
        let checked = Set(found.map(\.0))
        if !checked.contains("email"), !Self.isEmail(email) {
            found.append(("email", "Email must be an address like name@example.com"))
        }
        if !checked.contains("country"), !countries.contains(country) {
            found.append(("country", "Country: we do not ship there; choose one from the list"))
        }
        if !checked.contains("postal_code"), !postalCode.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) {
            found.append(("postal_code", "Postal code may only have letters, digits, spaces and dashes"))
        }
        if !checked.contains("phone"), !phone.allSatisfy({ $0.isNumber || " +-()./".contains($0) }) {
            found.append(("phone", "Phone may only have digits, spaces and + - ( )"))
        }
        return found.sorted { a, b in
            (Self.fields.firstIndex { $0.name == a.0 } ?? 0) < (Self.fields.firstIndex { $0.name == b.0 } ?? 0)
        }
    }

    /// Whether `text` is an address the store can both accept and mail
    /// (``EmailAddress/isMailable(_:)``): checkout and accounts accept the same addresses.
    public static func isEmail(_ text: String) -> Bool { EmailAddress.isMailable(text) }

    /// The lines of the address as a label shows them.
    public var lines: [String] {
        [
            name, street, street2, [postalCode, city].filter { !$0.isEmpty }.joined(separator: " "),
            CountryNames.name(of: country) ?? country,
        ]
        .filter { !$0.isEmpty }
    }
}
