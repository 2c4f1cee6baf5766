public import ShelfHTTP

/// The reviews function's routes: buyers write reviews, shoppers read, vote on and report them.
///
/// The routes come in two groups with their own files: ``writing`` (the signed review link,
/// the form, edit and delete) and ``reading`` (more reviews of a product, sorting, helpful
/// votes, reports).
public enum ReviewRoutes {
    public static let all: [Route] = writing + reading
}
