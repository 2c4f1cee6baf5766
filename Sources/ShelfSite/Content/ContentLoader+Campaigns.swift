import ShelfConfig
import ShelfCore
public import ShelfStore

extension ContentLoader {
    /// Checks the categories, brands and products a campaign's discounts name, and gives each
    /// rule the product handles it covers.
    static func resolve(
        _ discounts: [CampaignDiscount], file: String, products: [Product], problems: inout Problems
    ) -> [CampaignDiscount] {
        let handles = Set(products.map(\.handle))
        let categories = Set(products.flatMap(\.categories))
        let brands = Set(products.compactMap(\.brand))
        var codes: [String: Int] = [:]
        return discounts.map { discount in
            for name in discount.products where !handles.contains(name) {
                problems.add(file, line: discount.line, "discount product \"\(name)\" does not exist; fix the handle or remove it")
            }
            for name in discount.categories where !categories.contains(name) {
                problems.add(file, line: discount.line, "discount category \"\(name)\" has no products; fix the handle or remove it")
            }
            for name in discount.brands where !brands.contains(name) {
                problems.add(file, line: discount.line, "discount brand \"\(name)\" has no products; write it as the products do")
            }
            if let code = discount.rule.code {
                if let other = codes[code] {
                    problems.add(
                        file, line: discount.line, "code \(code) is already used by the discount on line \(other); give it another")
                }
                codes[code] = discount.line
            }
            var resolved = discount
            resolved.rule = discount.resolved(in: products)
            return resolved
        }
    }
}

extension ContentLoader {
    /// A code names one discount: no two campaigns, nor a campaign and `[[codes]]`, share one.
    static func checkCodes(_ campaigns: [Document], config: StoreConfig, problems: inout Problems) {
        var owners: [String: String] = Dictionary(config.checkout.codes.map { ($0.code, StoreConfig.fileName) }) { first, _ in first }
        for campaign in campaigns.sorted(by: { $0.file < $1.file }) {
            for discount in campaign.discounts {
                guard let code = discount.rule.code else { continue }
                if let owner = owners[code], owner != campaign.file {
                    problems.add(campaign.file, line: discount.line, "code \(code) is already used in \(owner); give it another")
                }
                owners[code] = owners[code] ?? campaign.file
            }
        }
    }
}

extension StoreContent {
    /// The campaigns as the database keeps them.
    public var campaignRecords: [CampaignRecord] {
        campaigns.map { CampaignRecord(handle: $0.handle, title: $0.title, window: $0.window, rules: $0.discounts.map(\.rule)) }
    }
}
