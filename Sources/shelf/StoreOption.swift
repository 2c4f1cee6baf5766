import ArgumentParser
import ShelfSite

/// The `--store DIR` option every command that works on a store takes.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.", valueName: "DIR"))
    var store: String = "."

    var folder: StoreFolder { StoreFolder(store) }
}
