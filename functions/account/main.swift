import AccountFunction
import ShelfHTTP

Function(name: "account", routes: AccountRoutes.all).run()
