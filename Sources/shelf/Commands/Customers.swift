import ArgumentParser
import ShelfCore
import ShelfStore

extension Shelf {
    struct CustomersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customers",
            abstract: "List and show shoppers' accounts; unlock them, make them admins, delete them.",
            discussion: """
                An EMAIL finds its account in any letter case, as logging in does.

                Examples:
                  shelf customers list --locked
                  shelf customers show ann@example.com
                  shelf customers unlock ann@example.com
                  shelf customers grant-admin ann@example.com
                  shelf customers revoke-admin ann@example.com
                  shelf customers delete ann@example.com
                """,
            subcommands: [List.self, Show.self, Unlock.self, GrantAdmin.self, RevokeAdmin.self, Delete.self])
    }
}

/// The EMAIL argument of the commands on one account, checked as the login form checks it.
struct CustomerEmail: ParsableArguments {
    @Argument(help: ArgumentHelp("The account's email address, in any letter case.", valueName: "EMAIL"))
    var email: String

    func validate() throws {
        guard EmailAddress(email) != nil else {
            throw ValidationError("\"\(email)\" is not an email address like name@example.com")
        }
    }

    /// The address as accounts are keyed by: trimmed and lower-cased.
    var address: String { Customer.normalize(email: email) }

    /// The failure to throw when no account has this address.
    var unknown: ExitCode { fail("there is no account for \(address); shelf customers list shows them") }
}

extension Shelf.CustomersCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the accounts, oldest first, with their role, state and number of orders.",
            discussion: """
                ORDERS counts the orders placed with the account's email once it is confirmed.

                Example:
                  shelf customers list --locked
                """)

        @OptionGroup var options: StoreOption
        @Flag(help: "Only the accounts locked after failed logins.") var locked = false

        func run() throws {
            let store = try openStore(options)
            let listings = try store.customers(lockedOnly: locked)
            let rows = listings.map { listing in
                let customer = listing.customer
                return [
                    customer.email, customer.name, customer.role.rawValue, customer.isConfirmed ? "yes" : "no",
                    customer.isLocked ? "yes" : "no", time(customer.createdAt), String(listing.orders),
                ]
            }
            guard !rows.isEmpty else { return print(locked ? "No locked accounts." : "No accounts.") }
            for line in columns([["EMAIL", "NAME", "ROLE", "CONFIRMED", "LOCKED", "CREATED", "ORDERS"]] + rows) { print(line) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one account: its state, failed logins, sessions and orders.",
            discussion: "Example:\n  shelf customers show ann@example.com")

        @OptionGroup var options: StoreOption
        @OptionGroup var account: CustomerEmail

        func run() throws {
            let store = try openStore(options)
            let prices = try formatter(options)
            guard let details = try store.customerDetails(email: account.address, now: currentTime) else { throw account.unknown }
            let customer = details.customer
            print("\(customer.name) <\(customer.email)>")
            print("Role: \(customer.role.rawValue)")
            print("Created: \(time(customer.createdAt))")
            print("Confirmed: " + (customer.confirmedAt.map(time) ?? "no (the account cannot log in until its link is followed)"))
            print("Locked: " + (customer.lockedAt.map { "since \(time($0)); shelf customers unlock \(customer.email)" } ?? "no"))
            print("Failed logins: \(customer.failedLogins)")
            print("Sessions: \(details.liveSessions)")
            print("Orders: \(details.orders.count)")
            let rows = details.orders.map { order in
                [order.number.description, order.status.rawValue, time(order.createdAt), prices.string(order.total)]
            }
            for line in columns(rows) { print("  " + line) }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock",
            abstract: "Unlock an account and clear its failed logins, as its unlock link does.",
            discussion: "Example:\n  shelf customers unlock ann@example.com")

        @OptionGroup var options: StoreOption
        @OptionGroup var account: CustomerEmail

        func run() throws {
            let store = try openStore(options)
            guard let before = try store.unlockCustomer(email: account.address) else { throw account.unknown }
            print(
                before.isLocked
                    ? "Unlocked \(before.email); its \(before.failedLogins) failed logins are cleared."
                    : "\(before.email) was not locked; its failed logins are cleared (\(before.failedLogins) before).")
        }
    }

    struct GrantAdmin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-admin", abstract: "Make an account an admin, from its next request on.",
            discussion: "Example:\n  shelf customers grant-admin ann@example.com")

        @OptionGroup var options: StoreOption
        @OptionGroup var account: CustomerEmail

        func run() throws {
            try changeRole(to: .admin, account, options)
        }
    }

    struct RevokeAdmin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-admin",
            abstract: "Make an admin a customer again; sessions already open lose the admin pages at once.",
            discussion: "Example:\n  shelf customers revoke-admin ann@example.com")

        @OptionGroup var options: StoreOption
        @OptionGroup var account: CustomerEmail

        func run() throws {
            try changeRole(to: .customer, account, options)
        }
    }
}

/// Gives the account `role` and says what changed.
private func changeRole(to role: Customer.Role, _ account: CustomerEmail, _ options: StoreOption) throws {
    let store = try openStore(options)
    guard let before = try store.setRole(role, email: account.address) else { throw account.unknown }
    guard before.role != role else { return print("\(before.email) is already \(role == .admin ? "an admin" : "a customer").") }
    var line = role == .admin ? "\(before.email) is now an admin." : "\(before.email) is no longer an admin."
    if role == .admin, !before.isConfirmed { line += " Its address is not confirmed yet, so it cannot log in until it is." }
    print(line)
}
