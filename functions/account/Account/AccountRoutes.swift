public import ShelfHTTP

/// The account function's routes.
///
/// | Route | What it does |
/// |---|---|
/// | `GET`/`POST /fn/account/register` | create an account; a confirmation email follows |
/// | `GET /fn/account/confirm?token=…` | the confirmation link |
/// | `GET`/`POST /fn/account/login` | log in (email, password, remember me) |
/// | `GET`/`POST /fn/account/code` | "email me a sign-in code": the code page, and asking for a code |
/// | `POST /fn/account/code/enter` | log in with the emailed code |
/// | `GET`/`POST /fn/account/two-factor` | turn TOTP on (QR code, confirm, recovery codes) or off (password) |
/// | `GET`/`POST /fn/account/two-factor/login` | a login's second step: an app code or a recovery code |
/// | `POST /fn/account/logout` | log out: the session is deleted |
/// | `GET`/`POST /fn/account/unlock?token=…` | the unlock link of a locked account |
/// | `GET`/`POST /fn/account/reset` | ask for a password reset link |
/// | `GET`/`POST /fn/account/reset/new?token=…` | the reset link: choose a new password |
/// | `GET /fn/account` | the account page (the login page when logged out) |
/// | `POST /fn/account/name` | change the name |
/// | `POST /fn/account/password` | change the password (needs the current one) |
/// | `POST /fn/account/email` | change the email (needs the password): a link goes to the new address |
/// | `GET /fn/account/email/confirm?token=…` | the new address's link: the account takes it |
/// | `POST /fn/account/addresses` | add an address, or edit one (`id`); `default=yes` makes it the default |
/// | `POST /fn/account/addresses/remove` | remove an address (`id`) |
/// | `GET /fn/account/data.json` | download my data: account, orders, emails (an attachment) |
/// | `POST /fn/account/delete` | delete my account (needs the password); a goodbye page |
/// | `GET /fn/account.json` | `{"name": …}` for the header, `null` when logged out |
/// | `GET /fn/account/admin` | "Admin: NAME" for an admin; anyone else gets the 404 of an unknown address, whatever the method |
/// | `GET /fn/account/admin/analytics` | the analytics dashboard (`from`, `to`), admins only, as above |
/// | `GET /fn/account/admin/analytics.csv?table=ID` | one of its tables as CSV, admins only |
public enum AccountRoutes {
    /// A form of three short fields; a 1 MB password is refused before anything is hashed.
    static let formLimit = 8192

    public static let all: [Route] = [
        Route(.get, "/") { request, context in try AccountHome.show(request, context) },
        Route(.get, ".json") { request, context in try AccountHome.json(request, context) },
        Route(.get, "/admin", access: .admins) { request, context in try AdminHome.show(request, context) },
        Route(.get, "/admin/analytics", access: .admins) { request, context in try AnalyticsDashboard.show(request, context) },
        Route(.get, "/admin/analytics.csv", access: .admins) { request, context in try AnalyticsDashboard.csv(request, context) },
        Route(.get, "/register") { request, context in try Registration.show(request, context) },
        Route(.post, "/register", body: .accepts([.form], limit: formLimit)) { request, context in
            try Registration.submit(request, context)
        },
        Route(.get, "/confirm") { request, context in try Confirmation.follow(request, context) },
        Route(.get, "/login") { request, context in try Login.show(request, context) },
        Route(.post, "/login", body: .accepts([.form], limit: formLimit)) { request, context in try Login.submit(request, context) },
        Route(.get, "/code") { request, context in try CodeSignIn.show(request, context) },
        Route(.post, "/code", body: .accepts([.form], limit: formLimit)) { request, context in try CodeSignIn.request(request, context) },
        Route(.post, "/code/enter", body: .accepts([.form], limit: formLimit)) { request, context in try CodeSignIn.enter(request, context)
        },
        Route(.get, "/two-factor") { request, context in try TwoFactorSettings.show(request, context) },
        Route(.post, "/two-factor", body: .accepts([.form], limit: formLimit)) { request, context in
            try TwoFactorSettings.submit(request, context)
        },
        Route(.get, "/two-factor/login") { request, context in try SecondFactor.show(request, context) },
        Route(.post, "/two-factor/login", body: .accepts([.form], limit: formLimit)) { request, context in
            try SecondFactor.submit(request, context)
        },
        Route(.post, "/logout", body: .accepts([.form], limit: formLimit)) { request, context in try Logout.submit(request, context) },
        Route(.get, "/unlock") { request, context in try Unlock.show(request, context) },
        Route(.post, "/unlock", body: .accepts([.form], limit: formLimit)) { request, context in try Unlock.submit(request, context) },
        Route(.get, "/reset") { request, context in try ResetRequest.show(request, context) },
        Route(.post, "/reset", body: .accepts([.form], limit: formLimit)) { request, context in
            try ResetRequest.submit(request, context)
        },
        Route(.get, "/reset/new") { request, context in try NewPassword.show(request, context) },
        Route(.post, "/reset/new", body: .accepts([.form], limit: formLimit)) { request, context in
            try NewPassword.submit(request, context)
        },
        Route(.post, "/name", body: .accepts([.form], limit: formLimit)) { request, context in try Settings.changeName(request, context) },
        Route(.post, "/password", body: .accepts([.form], limit: formLimit)) { request, context in
            try Settings.changePassword(request, context)
        },
        Route(.post, "/email", body: .accepts([.form], limit: formLimit)) { request, context in try EmailChange.request(request, context) },
        Route(.get, "/email/confirm") { request, context in try EmailChange.confirm(request, context) },
        Route(.post, "/addresses", body: .accepts([.form], limit: formLimit)) { request, context in try Addresses.save(request, context) },
        Route(.post, "/addresses/remove", body: .accepts([.form], limit: formLimit)) { request, context in
            try Addresses.remove(request, context)
        },
        Route(.get, "/data.json") { request, context in try PersonalData.download(request, context) },
        Route(.post, "/delete", body: .accepts([.form], limit: formLimit)) { request, context in try PersonalData.delete(request, context)
        },
    ]
}
