import ArgumentParser
import Foundation
import ShelfStore

extension Shelf {
    struct ReviewsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reviews",
            abstract: "List, approve, reject and answer the buyers' reviews.",
            discussion: """
                Buyers review what they bought through the link in the "delivered" email. With
                [reviews] moderation = "pre" (the default) a review waits for your approval; with
                "post" it shows at once and you can still reject it. Run shelf build afterwards
                to republish the product pages whose reviews changed.

                Examples:
                  shelf reviews list --pending
                  shelf reviews approve 12
                  shelf reviews reply 12 "Thank you, glad it fits!"
                """,
            subcommands: [List.self, Approve.self, Reject.self, Reply.self])
    }
}

extension Shelf.ReviewsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List reviews, newest first.",
            discussion: "Examples:\n  shelf reviews list --pending\n  shelf reviews list --product wool-coat --format json")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var options: StoreOption
        @Flag(help: "Only reviews waiting for approval.") var pending = false
        @Flag(help: "Only reviews hidden after shoppers reported them.") var flagged = false
        @Option(name: .customLong("product"), help: ArgumentHelp("Only the reviews of this product.", valueName: "HANDLE"))
        var product: String?
        @Option(help: "text or json.") var format = Format.text

        func validate() throws {
            guard [pending, flagged, product != nil].filter({ $0 }).count <= 1 else {
                throw ValidationError("choose one of --pending, --flagged and --product")
            }
        }

        func run() throws {
            let store = try openStore(options)
            let filter: Store.ReviewFilter = pending ? .pending : flagged ? .flagged : product.map { .product($0) } ?? .all
            let reviews = try failing { try store.reviews(filter) }
            print(format == .json ? ReviewListing.json(reviews) : ReviewListing.text(reviews), terminator: "")
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Show a review on its product page.", discussion: "Example:\n  shelf reviews approve 12")

        @OptionGroup var options: StoreOption
        @Argument(help: "The review's id, from shelf reviews list.") var id: Int64

        func run() throws {
            let store = try openStore(options)
            let review = try failing("review \(id)") { try store.approveReview(id, now: Int64(Date().timeIntervalSince1970)) }
            print("review \(review.id) of \(review.productHandle): approved")
            print("Run shelf build to publish it on the product page.")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Keep a review off its product page.", discussion: "Example:\n  shelf reviews reject 12")

        @OptionGroup var options: StoreOption
        @Argument(help: "The review's id, from shelf reviews list.") var id: Int64

        func run() throws {
            let store = try openStore(options)
            let review = try failing("review \(id)") { try store.rejectReview(id, now: Int64(Date().timeIntervalSince1970)) }
            print("review \(review.id) of \(review.productHandle): rejected")
            print("Run shelf build to update the product page.")
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Answer a review publicly; an empty text removes the answer.",
            discussion: "Examples:\n  shelf reviews reply 12 \"Thank you, glad it fits!\"\n  shelf reviews reply 12 \"\"")

        /// The longest answer, in characters, as long as a review's text.
        static let limit = 5000

        @OptionGroup var options: StoreOption
        @Argument(help: "The review's id, from shelf reviews list.") var id: Int64
        @Argument(help: "Your answer, shown under the review.") var text: String

        func validate() throws {
            let length = text.unicodeScalars.count
            guard length <= Self.limit else {
                throw ValidationError("the answer has \(length) characters; keep it to \(Self.limit)")
            }
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) else {
                throw ValidationError("the answer contains control characters; write plain text")
            }
        }

        func run() throws {
            let store = try openStore(options)
            let review = try failing("review \(id)") { try store.replyToReview(id, text: text, now: Int64(Date().timeIntervalSince1970)) }
            print("review \(review.id) of \(review.productHandle): " + (review.reply == nil ? "answer removed" : "answered"))
            if review.status == .approved { print("Run shelf build to update the product page.") }
        }
    }
}
