import ShelfCore
import ShelfStore

/// An order's progress as the shopper sees it: Placed, Paid, one step per parcel, Delivered.
/// Each step reached has its date; steps still to come are listed as upcoming. A cancelled or
/// expired order ends with that instead of steps it will never reach.
///
/// The dates come from the order's history (when it first had each status) and its parcels. The
/// history's notes are written for the merchant and are never shown here.
struct OrderTimeline {
    enum State: String {
        case done, upcoming, ended
    }

    struct Step {
        var label: String
        var state: State
        var at: Int64?
        var carrier: String?
        var trackingNumbers: [String] = []
        var detail: String?
    }

    let steps: [Step]

    init(_ details: OrderDetails) {
        let status = details.order.status
        let firstAt = { (wanted: OrderStatus) in details.events.first { $0.status == wanted }?.at }
        var steps = [Step(label: "Placed", state: .done, at: details.events.first?.at ?? details.order.createdAt)]
        let paidAt = firstAt(.paid)
        if paidAt != nil || status == .paid || status.hasShipped {
            steps.append(Step(label: "Paid", state: .done, at: paidAt))
        }
        if status == .cancelled || status == .expired {
            let endedAt = details.events.last { $0.status == status }?.at
            steps.append(Step(label: status == .cancelled ? "Cancelled" : "Expired", state: .ended, at: endedAt))
            self.steps = steps
            return
        }
        if steps.count == 1 { steps.append(Step(label: "Paid", state: .upcoming)) }
        // Every parcel but the one that completed the order left some lines still to come.
        let complete = status == .shipped || status == .delivered
        for (index, shipment) in details.shipments.enumerated() {
            let last = index == details.shipments.count - 1
            steps.append(
                Step(
                    label: complete && last ? "Shipped" : "Partly shipped", state: .done, at: shipment.shippedAt,
                    carrier: shipment.carrier, trackingNumbers: shipment.trackingNumbers))
        }
        if complete, details.shipments.isEmpty { steps.append(Step(label: "Shipped", state: .done, at: firstAt(.shipped))) }
        if !complete {
            let rest = details.shipments.isEmpty ? nil : "The rest of your order"
            steps.append(Step(label: "Shipped", state: .upcoming, detail: rest))
        }
        if status == .delivered {
            let deliveredAt = details.shipments.compactMap(\.deliveredAt).max() ?? firstAt(.delivered)
            steps.append(Step(label: "Delivered", state: .done, at: deliveredAt))
        } else {
            steps.append(Step(label: "Delivered", state: .upcoming))
        }
        self.steps = steps
    }

    /// The steps as `order.mustache` reads them; the last step reached is the current one.
    func values(days: DayFormatter) -> [[String: Any]] {
        let current = steps.lastIndex { $0.state != .upcoming }
        return steps.enumerated().map { index, step in
            var values: [String: Any] = [
                "label": step.label, "state": step.state.rawValue, "done": step.state == .done,
                "upcoming": step.state == .upcoming, "ended": step.state == .ended, "current": index == current,
            ]
            if let at = step.at {
                values["date"] = days.string(seconds: at)
                values["datetime"] = CalendarDay.of(at)
            }
            if let carrier = step.carrier { values["carrier"] = carrier }
            if !step.trackingNumbers.isEmpty {
                values["tracking"] = step.trackingNumbers.joined(separator: ", ")
                values["tracking_label"] = step.trackingNumbers.count == 1 ? "Tracking number" : "Tracking numbers"
            }
            if let detail = step.detail { values["detail"] = detail }
            return values
        }
    }
}
