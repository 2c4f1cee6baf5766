import ShelfConfig
import Testing

/// Expects `text` to be refused as a `shelf.toml` with a message that points at the file and
/// says `what`, and that never repeats `secret`.
func expectConfigRefused(_ text: String, saying what: String, without secret: String? = nil) {
    #expect {
        try StoreConfig(toml: text)
    } throws: { error in
        let message = "\(error)"
        return message.hasPrefix("shelf.toml:") && message.contains(what) && !(secret.map(message.contains) ?? false)
    }
}
