/// The short confirmations the dashboard shows after a change (`/fn/account?done=name`): the
/// query names one of a fixed set, so no text from the request reaches the page.
enum Notices {
    static func text(for key: String) -> String? {
        switch key {
        case "name": "Your name was changed."
        case "password": "Your password was changed. You were logged out everywhere else."
        case "email": "We have sent a link to your new address. Your email changes when you follow it."
        case "email-confirmed": "Your email address was changed."
        case "address": "Your addresses were saved."
        default: nil
        }
    }
}
