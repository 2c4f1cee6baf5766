import ShelfConfig
import ShelfCore
public import ShelfHTTP

/// The cart function's routes: the cart page and its JSON twin, and the three changes.
///
/// | Route                 | What it does                                        |
/// |-----------------------|-----------------------------------------------------|
/// | `GET /fn/cart`        | the cart page (JSON with `Accept: application/json`) |
/// | `GET /fn/cart.json`   | count, lines and subtotal, for the header badge      |
/// | `POST /fn/cart/add`   | `sku`, `quantity` (default 1): adds to the cart      |
/// | `POST /fn/cart/update`| `sku`, `quantity` (0 removes), `_token`              |
/// | `POST /fn/cart/remove`| `sku`, `_token`                                     |
public enum CartRoutes {
    /// A cart change is a few short fields; 4 KiB is generous and keeps floods cheap.
    static let bodyLimit = 4096

    public static let all: [Route] = [
        Route(.get, "/") { request, context in try ShowCart.page(request, context) },
        Route(.get, ".json") { request, context in try ShowCart.json(request, context) },
        Route(.post, "/add", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try ChangeCart.add(request, context)
        },
        Route(.post, "/update", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try ChangeCart.update(request, context)
        },
        Route(.post, "/remove", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try ChangeCart.remove(request, context)
        },
    ]
}
