import ShelfHTTP
import WishlistFunction

Function(name: "wishlist", routes: WishlistRoutes.all).run()
