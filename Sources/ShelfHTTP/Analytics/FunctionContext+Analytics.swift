public import ShelfStore

extension FunctionContext {
    /// Records a store event (added to cart, paid…) for the visitor who sent `request`, under the
    /// same day's hash as their page views, so that a funnel can follow them.
    ///
    /// Analytics never fail a request: a database error is logged and the shopper's answer goes
    /// on. Bots are not told apart here; they rarely add to carts or pay.
    ///
    /// A FastCGI process keeps the event for its next batch (``EventBatch``) and the runtime
    /// writes it with others; an event naming an order is written at once, since the order's
    /// payment event looks its checkout step up (``recordOrderEvent(_:orderID:amount:)``).
    ///
    /// ```swift
    /// context.record(AnalyticsEvent(.cartAdd, detail: sku, amount: Int64(quantity)), for: request)
    /// ```
    public func record(_ event: AnalyticsEvent, for request: Request) {
        do {
            let store = try store()
            let kept = VisitorEvent(event, visitor: try VisitorHash.of(request, self, in: store), at: clock.now())
            if event.orderID == nil && pendingEvents.keep(kept) { return }
            try store.record([kept])
        } catch {
            log("analytics: \(event.kind.rawValue) not recorded: \(error)")
        }
    }

    /// Writes the events this process has kept (``EventBatch``) in one transaction; like
    /// ``record(_:for:)``, a database error is logged and the events are dropped.
    func writePendingEvents() {
        let events = pendingEvents.take()
        guard !events.isEmpty else { return }
        do {
            try store().record(events)
        } catch {
            log("analytics: \(events.count) events not recorded: \(error)")
        }
    }

    /// Records that order `orderID` was paid or refunded, for the visitor who placed it (see
    /// ``ShelfStore/Store/recordOrderEvent(_:orderID:amount:now:)``); like ``record(_:for:)``,
    /// it never fails the request that calls it (a provider's webhook).
    public func recordOrderEvent(_ kind: AnalyticsEvent.Kind, orderID: Int64, amount: Int64) {
        do {
            try store().recordOrderEvent(kind, orderID: orderID, amount: amount, now: clock.now())
        } catch {
            log("analytics: \(kind.rawValue) of order \(orderID) not recorded: \(error)")
        }
    }
}
