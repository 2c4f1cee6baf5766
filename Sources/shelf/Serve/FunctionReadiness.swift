import Foundation
import ShelfConfig
import ShelfCore

/// Whether the functions can serve the store, checked the way they check it when they start:
/// its settings and its secrets file. A cloned store has no `data/secrets.toml` (it is never
/// committed), and without it every function answers 503; `shelf serve` says so at start-up and
/// on the function's page, with the command that fixes it.
struct FunctionReadiness: Sendable {
    /// The store folder, absolute.
    let root: String
    /// ` --store my-shop`, or "" when the store is the current folder: for the commands shown.
    let storeArgument: String

    /// What stops the functions, with the fix; nil when they can run. Read again on every
    /// request, so the fix takes effect without a restart.
    func problem() -> String? {
        let config: StoreConfig
        do {
            config = try StoreConfig.load(from: root)
        } catch {
            return "\(error)"
        }
        let name = config.secretsFile
        guard FileManager.default.fileExists(atPath: root + "/" + name) else {
            return "\(name) does not exist, so the functions (the cart, the checkout) cannot run. "
                + "Create it with `shelf secrets init\(storeArgument)`; no restart is needed."
        }
        do {
            _ = try Secrets.load(root + "/" + name, name: name)
        } catch {
            return "\(error). The functions cannot run until this is fixed."
        }
        return nil
    }

    /// The page a function's address shows meanwhile, status 503.
    func page(_ problem: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>The functions cannot run</title></head>
        <body><main><h1>The functions cannot run</h1><p data-shelf-problem>\(Markup.escape(problem))</p>
        <p>This page comes from <code>shelf serve</code>; fix the problem, then reload.</p></main></body></html>

        """
    }
}
