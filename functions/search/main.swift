import SearchFunction
import ShelfHTTP

Function(name: "search", routes: SearchRoutes.all).run()
