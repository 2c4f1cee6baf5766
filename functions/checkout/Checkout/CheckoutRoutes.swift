public import ShelfHTTP

/// The checkout function's routes.
///
/// | Route | What it does |
/// |---|---|
/// | `GET /fn/checkout`, `POST /fn/checkout/address` | step 1: contact and address |
/// | `GET /fn/checkout/shipping`, `POST …/shipping` | step 2: the shipping method |
/// | `GET /fn/checkout/payment`, `POST …/payment` | step 3: review; the POST places the order and starts the payment |
/// | `POST /fn/checkout/code` | applies or removes a discount code (from the cart page or a step) |
/// | `GET /fn/checkout/order?n=…&t=…` | the order page, reached through a signed link |
/// | `POST /fn/checkout/pay` | pays a pending order again (`n`, `t`) |
/// | `GET`/`POST /fn/checkout/status` | the footer's order status form: emails the order's link |
/// | `GET`/`POST /fn/checkout/test-pay` | the test provider's hosted payment page |
/// | `POST /fn/checkout/webhook/stripe`, `…/webhook/test` | signed payment notifications |
public enum CheckoutRoutes {
    static let formLimit = 8192
    /// Stripe's events are a few kilobytes; 64 KiB leaves room and still caps floods.
    static let webhookLimit = 65_536

    public static let all: [Route] = [
        Route(.get, "/") { request, context in try AddressStep.show(request, context) },
        Route(.post, "/address", body: .accepts([.form], limit: formLimit)) { request, context in
            try AddressStep.submit(request, context)
        },
        Route(.get, "/shipping") { request, context in try ShippingStep.show(request, context) },
        Route(.post, "/shipping", body: .accepts([.form], limit: formLimit)) { request, context in
            try ShippingStep.submit(request, context)
        },
        Route(.get, "/payment") { request, context in try PaymentStep.show(request, context) },
        Route(.post, "/payment", body: .accepts([.form], limit: formLimit)) { request, context in
            try PaymentStep.submit(request, context)
        },
        Route(.post, "/code", body: .accepts([.form, .json], limit: formLimit)) { request, context in
            try CodeForm.submit(request, context)
        },
        Route(.get, "/order") { request, context in try OrderPage.show(request, context) },
        Route(.post, "/pay", body: .accepts([.form], limit: formLimit)) { request, context in
            try OrderPage.payAgain(request, context)
        },
        Route(.get, "/status") { request, context in try StatusForm.show(request, context) },
        Route(.post, "/status", body: .accepts([.form], limit: formLimit)) { request, context in
            try StatusForm.submit(request, context)
        },
        Route(.get, "/test-pay") { request, context in try TestPaymentPage.show(request, context) },
        Route(.post, "/test-pay", body: .accepts([.form], limit: formLimit)) { request, context in
            try TestPaymentPage.submit(request, context)
        },
        Route(.post, "/webhook/stripe", body: .accepts([.json], limit: webhookLimit), callers: .signedBySender) {
            request, context in try Webhooks.stripe(request, context)
        },
        Route(.post, "/webhook/test", body: .accepts([.json], limit: webhookLimit), callers: .signedBySender) {
            request, context in try Webhooks.test(request, context)
        },
    ]
}
