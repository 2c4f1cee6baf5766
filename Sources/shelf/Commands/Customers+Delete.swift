import ArgumentParser
import Foundation
import ShelfCore
import ShelfStore

extension Shelf.CustomersCommand {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete an account and its personal data; its orders stay for accounting, anonymised.",
            discussion: """
                Its sessions end, its carts and its account emails are erased, and the account is
                removed (the address may register again). Its orders keep their lines, totals,
                country and payments; their name, address, phone and email become "deleted", and
                their emails not sent yet never will be. Asks first, unless --yes.

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
            guard let deletion = try failing(account.address, { try store.deleteCustomer(email: account.address, now: currentTime) })
            else { throw account.unknown }
            var report =
                "Deleted the account of \(deletion.customer.email): \(counted(deletion.sessionsEnded, "session")) ended, "
                + "\(counted(deletion.emailsErased, "account email")) erased."
            if deletion.ordersKept.isEmpty {
                report += " It had no orders."
            } else {
                report +=
                    " Kept \(counted(deletion.ordersKept.count, "order")) (\(numbers(deletion.ordersKept))) with their totals;"
                    + " their name, address and email now read \"\(CustomerDeletion.placeholder)\"."
            }
            if deletion.emailsCancelled > 0 { report += " \(counted(deletion.emailsCancelled, "order email")) not sent yet will not be." }
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
