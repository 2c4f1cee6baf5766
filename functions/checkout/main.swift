import CheckoutFunction
import ShelfHTTP

Function(name: "checkout", routes: CheckoutRoutes.all).run()
