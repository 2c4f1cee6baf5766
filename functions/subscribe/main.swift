import ShelfHTTP
import SubscribeFunction

Function(name: "subscribe", routes: SubscribeRoutes.all).run()
