import ArgumentParser
import Foundation
import ShelfCore
import ShelfStore

extension Shelf.CustomersCommand {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an account and its personal data; its orders stay for accounting, anonymised.",
            discussion: """
                The same erasure as the shopper's "Delete my account": its sessions end, its
                carts, saved addresses, codes and account emails are erased, and the account is
                removed (the address may register again). Its orders keep their lines, totals,
                country and payments; their name and address become "Erased customer", their
                email erased@invalid, and their emails not sent yet never will be. Asks first,
                unless --yes.

                Examples:
                  shelf customers delete ann@example.com
                  shelf customers delete ann@example.com --yes
                """)

        @OptionGroup var options: StoreOption
        @OptionGroup var account: CustomerEmail
        @Flag(help: "Delete without asking.") var yes = false

        func run() throws {
            let store = try openStore(options)
            guard let details = try store.customerDetails(email: account.address, now: currentTime) else { throw account.unknown }
            if !yes {
                let customer = details.customer
                let orders =
                    details.orders.isEmpty
                    ? "It has no orders."
                    : "\(counted(details.orders.count, "order")) (\(numbers(details.orders.map(\.id)))) stay, without name, address or email."
                ask(
                    "This deletes the account of \(customer.name) <\(customer.email)> and ends \(counted(details.liveSessions, "session")). "
                        + "\(orders)\nDelete it? [y/N] ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw fail("Nothing was deleted.")
                }
            }
            guard let erasure = try failing(account.address, { try store.eraseCustomer(details.customer.id, now: currentTime) })
            else { throw account.unknown }
            var report =
                "Deleted the account of \(erasure.customer.email): \(counted(erasure.sessionsEnded, "session")) ended, "
                + "\(counted(erasure.emailsErased, "account email")) erased."
            if erasure.ordersKept.isEmpty {
                report += " It had no orders."
            } else {
                report +=
                    " Kept \(counted(erasure.ordersKept.count, "order")) (\(numbers(erasure.ordersKept))) with their totals;"
                    + " their name and address now read \"\(Store.ErasedOrder.name)\", their email \(Store.ErasedOrder.email)."
            }
            if erasure.emailsCancelled > 0 { report += " \(counted(erasure.emailsCancelled, "order email")) not sent yet will not be." }
            print(report)
        }
    }
}

/// "1 session", "2 sessions".
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Order numbers as shoppers see them, separated by commas.
private func numbers(_ ids: [Int64]) -> String {
    ids.map { OrderNumber(id: $0).description }.joined(separator: ", ")
}

/// Writes `question` without a line break, at once, so it shows before the answer is read.
private func ask(_ question: String) {
    FileHandle.standardOutput.write(Data(question.utf8))
}
