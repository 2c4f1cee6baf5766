import CartFunction
import ShelfHTTP

Function(name: "cart", routes: CartRoutes.all, groupsRequests: true).run()
