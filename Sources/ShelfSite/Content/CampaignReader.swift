import Foundation
import ShelfConfig
import ShelfCore

/// Reads a campaign's window (`starts`, `ends`, `time_zone`) and its `discount` rules.
struct CampaignReader {
    let fields: YAMLFields
    let handle: String
    let currency: Currency

    static let discountKeys: Set<String> = [
        "percent", "amount", "categories", "brands", "products", "free_shipping", "minimum", "code", "limit", "limit_per_customer",
        "combines",
    ]

    /// The window: a moment with an offset (`2026-11-20T09:00:00+01:00`, `…Z`), or a local time
    /// or day read in `time_zone` (UTC when none). A bare day starts at its midnight and, as an
    /// end, includes the whole day.
    func window() throws(SiteError) -> CampaignWindow {
        let zone = try timeZone()
        let starts = try moment("starts", zone: zone, endOfDay: false)
        let ends = try moment("ends", zone: zone, endOfDay: true)
        if let starts, let ends, ends <= starts {
            throw fields["ends"]!.error("ends must come after starts (\(try fields["starts"]!.string("starts"))); fix one of them")
        }
        return CampaignWindow(starts: starts, ends: ends)
    }

    /// The rules of `discount`: one mapping, or a list of them.
    func discounts(window: CampaignWindow) throws(SiteError) -> [CampaignDiscount] {
        guard let value = fields["discount"] else { return [] }
        let items: [YAMLValue]
        if case .sequence = value.node { items = try value.sequence("discount") } else { items = [value] }
        var result: [CampaignDiscount] = []
        for (index, item) in items.enumerated() {
            result.append(try discount(item, position: index + 1, window: window))
        }
        return result
    }

    private func discount(_ item: YAMLValue, position: Int, window: CampaignWindow) throws(SiteError) -> CampaignDiscount {
        let rule = try item.fields("a discount", allowed: Self.discountKeys)
        let off: DiscountRule.Off
        switch (rule["percent"], rule["amount"]) {
        case (let percent?, nil):
            let text = try percent.text("percent")
            guard let rate = Rate(percent: text), rate.basisPoints > 0 else {
                throw percent.error("percent \"\(text)\" must be a number above 0 and at most 100, like 20 or 12.5")
            }
            off = .percent(rate)
        case (nil, let amount?):
            off = .amount(try money(amount, "amount"))
        case (nil, nil):
            guard let free = rule["free_shipping"], try free.bool("free_shipping") else {
                throw item.error("a discount needs percent, amount or free_shipping: true; add one of them")
            }
            off = .nothing
        case (_, let amount?):
            throw amount.error("a discount has either percent or amount, not both; remove one")
        }
        let code = try rule.text("code")
        if let code, code.count > 64 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw rule["code"]!.error("code \"\(code)\" must be letters, digits, - or _, at most 64 of them")
        }
        return CampaignDiscount(
            rule: DiscountRule(
                campaign: handle, position: position, off: off, freeShipping: try rule["free_shipping"]?.bool("free_shipping") ?? false,
                minimumSubtotal: try rule["minimum"].map { v throws(SiteError) in try money(v, "minimum") }, code: code,
                limit: try count(rule["limit"], "limit"), limitPerCustomer: try count(rule["limit_per_customer"], "limit_per_customer"),
                combines: try rule["combines"]?.bool("combines") ?? false, window: window),
            categories: try rule["categories"]?.strings("categories") ?? [], brands: try rule["brands"]?.strings("brands") ?? [],
            products: try rule["products"]?.strings("products") ?? [], line: item.line)
    }

    private func money(_ value: YAMLValue, _ what: String) throws(SiteError) -> Money {
        let text = try value.text(what)
        do {
            let amount = try Money(parsing: text, in: currency)
            guard amount.minorUnits > 0 else { throw value.error("\(what) must be more than 0") }
            return amount
        } catch let error as SiteError {
            throw error
        } catch {
            throw value.error("\(what) \"\(text)\" is not an amount in \(currency.code); write it like 5 or 5.00")
        }
    }

    private func count(_ value: YAMLValue?, _ what: String) throws(SiteError) -> Int? {
        guard let value else { return nil }
        let text = try value.text(what)
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), number > 0, number <= 1_000_000_000 else {
            throw value.error("\(what) \"\(text)\" must be a whole number of orders above 0")
        }
        return number
    }

    private func timeZone() throws(SiteError) -> TimeZone {
        guard let value = fields["time_zone"] else { return TimeZone(identifier: "UTC")! }
        let name = try value.text("time_zone")
        guard let zone = TimeZone(identifier: name) else {
            throw value.error("time_zone \"\(name)\" is not a time zone name; write one like Europe/Dublin or UTC")
        }
        return zone
    }

    private func moment(_ key: String, zone: TimeZone, endOfDay: Bool) throws(SiteError) -> Int64? {
        guard let value = fields[key] else { return nil }
        let text = try value.text(key)
        guard let written = Timestamp(parsing: text) else {
            throw value.error(
                "\(key) \"\(text)\" is not a date or time; write 2026-11-20, 2026-11-20T09:00 or 2026-11-20T09:00:00+01:00")
        }
        let wallClock = written.isDateOnly && endOfDay ? written.wallClock + 86_400 : written.wallClock
        if let offset = written.offset { return wallClock - offset }
        // The zone's offset at that wall-clock time, found from a first guess in UTC.
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wallClock))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wallClock - offset))))
        return wallClock - offset
    }
}
