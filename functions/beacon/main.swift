import BeaconFunction
import ShelfHTTP

Function(name: "beacon", routes: BeaconRoutes.all).run()
