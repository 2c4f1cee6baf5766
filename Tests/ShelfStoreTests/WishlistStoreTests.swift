import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Wish lists: saving is idempotent, the list is capped, a guest's list merges into the account
/// at login without duplicates, and a guest's list goes with its expired session.
struct WishlistStoreTests {
    static let now: Int64 = 1_700_000_000
    static let catalogue: [Product] = [
        .sample("tee"), .sample("mug", skus: ["MUG"], price: 1200), .sample("hidden", skus: ["HID"], published: false),
    ]

    func withCatalogue(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(Self.catalogue, categories: [])
            try store.setStock("TEE-M", to: 3)
            try store.setStock("MUG", to: 0)
            try body(store)
        }
    }

    func guest(_ store: Store, _ seed: Int = 1) throws -> Session {
        try store.createSession(tokenHash: sampleTokenHash(seed), now: Self.now, lifetime: 3600)
    }

    @Test func savingTwiceKeepsOneItemWithThePriceAndStockOfTheFirstSave() throws {
        try withCatalogue { store in
            let owner = WishlistOwner(try guest(store))
            #expect(try store.addToWishlist("tee", for: owner, now: Self.now))
            #expect(try !store.addToWishlist("tee", for: owner, now: Self.now + 5))
            #expect(try store.addToWishlist("mug", for: owner, now: Self.now + 6))
            let items = try store.wishlist(of: owner)
            #expect(items.map(\.productHandle) == ["mug", "tee"])
            #expect(items[1].addedAt == Self.now && items[1].priceWhenAdded == .euros(2500) && items[1].inStockWhenAdded)
            #expect(!items[0].inStockWhenAdded)
            #expect(try store.wishlistCount(of: owner) == 2)
        }
    }

    @Test func aVariantIsSavedApartFromItsProductWithItsOwnPrice() throws {
        try withCatalogue { store in
            let owner = WishlistOwner(try guest(store))
            try store.addToWishlist("tee", for: owner, now: Self.now)
            #expect(try store.addToWishlist("tee", sku: "TEE-S", for: owner, now: Self.now + 1))
            #expect(try store.wishlist(of: owner).map { $0.sku ?? "-" } == ["TEE-S", "-"])
            #expect(try store.wishlist(of: owner)[0].inStockWhenAdded == false)
        }
    }

    @Test func unknownUnpublishedOrForeignVariantsAreRefused() throws {
        try withCatalogue { store in
            let owner = WishlistOwner(try guest(store))
            #expect(throws: WishlistError.unknownProduct(handle: "nope")) { try store.addToWishlist("nope", for: owner, now: Self.now) }
            #expect(throws: WishlistError.unknownProduct(handle: "hidden")) { try store.addToWishlist("hidden", for: owner, now: Self.now) }
            #expect(throws: WishlistError.unknownProduct(handle: "tee")) {
                try store.addToWishlist("tee", sku: "MUG", for: owner, now: Self.now)
            }
            #expect(try store.wishlist(of: owner).isEmpty)
        }
    }

    @Test func removingTakesOnlyThatItemOff() throws {
        try withCatalogue { store in
            let owner = WishlistOwner(try guest(store))
            try store.addToWishlist("tee", for: owner, now: Self.now)
            try store.addToWishlist("mug", for: owner, now: Self.now)
            #expect(try store.removeFromWishlist("tee", for: owner))
            #expect(try !store.removeFromWishlist("tee", for: owner))
            #expect(try store.wishlist(of: owner).map(\.productHandle) == ["mug"])
        }
    }

    @Test func aFullListRefusesANewItemButNotOneAlreadyOnIt() throws {
        try withCatalogue { store in
            let owner = WishlistOwner(try guest(store))
            try store.addToWishlist("tee", for: owner, now: Self.now, most: 1)
            #expect(throws: WishlistError.full(1)) { try store.addToWishlist("mug", for: owner, now: Self.now, most: 1) }
            #expect(try !store.addToWishlist("tee", for: owner, now: Self.now, most: 1))
        }
    }

    @Test func listsOfDifferentOwnersAreSeparate() throws {
        try withCatalogue { store in
            let first = WishlistOwner(try guest(store, 1))
            let second = WishlistOwner(try guest(store, 2))
            try store.addToWishlist("tee", for: first, now: Self.now)
            #expect(try store.wishlist(of: second).isEmpty)
        }
    }

    @Test func loggingInMergesTheGuestListIntoTheAccountWithoutDuplicates() throws {
        try withCatalogue { store in
            try store.register(
                email: "ann@example.com", name: "Ann", passwordHash: "phc",
                confirmation: AccountToken(hash: sampleTokenHash(90), nonce: "n"),
                now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            try store.addToWishlist("tee", for: .customer(ann.id), now: Self.now - 100)
            let visit = try guest(store)
            try store.addToWishlist("tee", for: WishlistOwner(visit), now: Self.now)
            try store.addToWishlist("mug", for: WishlistOwner(visit), now: Self.now + 1)
            let session = try store.logIn(ann.id, tokenHash: sampleTokenHash(2), replacing: visit, now: Self.now + 2, lifetime: 600)
            #expect(WishlistOwner(session) == .customer(ann.id))
            let items = try store.wishlist(of: .customer(ann.id))
            #expect(items.map(\.productHandle) == ["mug", "tee"])
            #expect(items[1].addedAt == Self.now - 100)
            #expect(try store.wishlist(of: .session(visit.id)).isEmpty)
        }
    }

    @Test func aGuestListGoesWithItsExpiredSession() throws {
        try withCatalogue { store in
            let visit = try guest(store)
            try store.addToWishlist("tee", for: WishlistOwner(visit), now: Self.now)
            try store.deleteExpiredSessions(now: visit.expiresAt)
            #expect(try store.wishlist(of: .session(visit.id)).isEmpty)
        }
    }

    @Test func theVariantsOfSavedProductsComeInTheirProductOrder() throws {
        try withCatalogue { store in
            let variants = try store.wishlistVariants(ofProducts: ["tee", "mug", "nope"])
            #expect(variants["tee"]?.map(\.sku) == ["TEE-S", "TEE-M", "TEE-L"])
            #expect(variants["mug"]?.map(\.sku) == ["MUG"])
            #expect(variants["nope"] == nil)
        }
    }
}
