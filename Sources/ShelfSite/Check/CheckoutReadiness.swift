import Foundation
import Glibc
public import ShelfConfig
import ShelfCore
import ShelfStore

/// What keeps a store that builds from taking an order: no country to ship to, products with
/// nothing on the shelf, a missing secrets file or payment keys. `shelf check` prints each as a
/// warning: a store may be built before it sells.
///
/// ```swift
/// for warning in CheckoutReadiness.warnings(in: StoreFolder("shop")) { print("warning: \(warning)") }
/// ```
public enum CheckoutReadiness {
    /// Every warning for the store in `folder`, settings first, then products by file.
    public static func warnings(in folder: StoreFolder) -> [SiteError] {
        guard let content = try? ContentLoader.load(folder) else { return [] }
        let configText = (try? TextFile.read(folder.configFile, relative: StoreConfig.fileName)) ?? ""
        return settingsWarnings(content.config, lines: TOMLLines(configText), folder: folder) + stockWarnings(content, folder: folder)
    }

    static func settingsWarnings(_ config: StoreConfig, lines: TOMLLines, folder: StoreFolder) -> [SiteError] {
        var warnings: [SiteError] = []
        if config.checkout.countries.isEmpty {
            warnings.append(
                SiteError(
                    StoreConfig.fileName, line: lines.line(of: "countries", in: "checkout"),
                    "no country to sell to, so checkout refuses every address (\"Country is required\"); "
                        + "list them under [checkout], like countries = [\"IE\"], with a [[shipping]] method for each"))
        }
        let secretsFile = folder.root + "/" + config.secretsFile
        // Another user's file is the functions' own in a deployment: this user cannot judge it.
        let owner = (try? FileManager.default.attributesOfItem(atPath: secretsFile))?[.ownerAccountID] as? NSNumber
        if let owner, owner.uint32Value != geteuid(), geteuid() != 0 { return warnings }
        let secrets: Secrets
        do {
            secrets = try Secrets.load(secretsFile, name: config.secretsFile)
        } catch {
            warnings.append(SiteError(error.file, line: error.line, error.message + "; until then every function answers 503"))
            return warnings
        }
        if config.checkout.payments.provider == .stripe {
            for key in ["stripe_secret_key", "stripe_webhook_secret"] where secrets.value(key) == nil {
                warnings.append(
                    SiteError(
                        config.secretsFile,
                        "\(key) is missing, and [payments] provider is \"stripe\": shoppers cannot pay; add the key from Stripe's dashboard"
                    ))
            }
        }
        return warnings
    }

    /// A warning for each published product none of whose SKUs has a unit on hand; one for the
    /// whole store when it has no database yet.
    static func stockWarnings(_ content: StoreContent, folder: StoreFolder) -> [SiteError] {
        let products = content.publishedProducts
        guard !products.isEmpty else { return [] }
        let location: DatabaseLocation
        do {
            location = try folder.databaseLocation(config: content.config)
        } catch {
            return [error]
        }
        let database = folder.databaseName(location)
        // Opened only when it exists: checking a store creates nothing.
        guard folder.hasDatabase(location) else {
            return [SiteError(database, "there is no database yet, so no product has stock; run shelf build, then shelf stock import FILE")]
        }
        let rows: [StockRow]
        do {
            rows = try Store.open(location).stockList()
        } catch {
            return [SiteError(database, "the stock cannot be read to check it: \(error)")]
        }
        let onHand = Dictionary(rows.map { ($0.sku, $0.onHand) }, uniquingKeysWith: max)
        return products.filter { product in product.variants.allSatisfy { (onHand[$0.sku] ?? 0) == 0 } }.map { product in
            let example = product.variants.first.map { " (such as shelf stock set \($0.sku) 10)" } ?? ""
            return SiteError(
                content.productFiles[product.handle] ?? product.handle,
                "no SKU of \"\(product.title)\" has stock, so shoppers cannot buy it; set some with shelf stock set SKU N\(example)")
        }
    }
}
