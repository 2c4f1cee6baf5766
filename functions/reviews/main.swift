import ReviewsFunction
import ShelfHTTP

Function(name: "reviews", routes: ReviewRoutes.all).run()
