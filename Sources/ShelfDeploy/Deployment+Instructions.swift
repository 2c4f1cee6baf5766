/// The comment every configuration starts with: what it serves, what must be true of the
/// store's files before the first start, and the exact commands that start everything.
extension Deployment {
    /// Commands to run once as root before the first start. The functions write the database in
    /// `data/`, and refuse a secrets file that another user owns or that others can read.
    var preparation: [String] {
        var commands = [
            "install -d -o \(user) -g \(group) \(runFolder)",
            "chown -R \(user):\(group) \(store)/data",
        ]
        if !secretsFile.hasPrefix("data/") { commands.append("chown \(user):\(group) \(store)/\(secretsFile)") }
        commands.append("chmod 600 \(store)/\(secretsFile)")
        return commands
    }

    /// One `spawn-fcgi` command per function, for servers that do not start FastCGI processes
    /// themselves. `-n` keeps it in the foreground, for a supervisor.
    var spawnCommands: [String] {
        functions.map { function in
            "env SHELF_ROOT=\(store) spawn-fcgi -s \(function.socket) -M 0600 -u \(user) -g \(group) -U \(user) -G \(group) -n -- \(function.binary)"
        }
    }

    /// The `shelf server-config` command that writes this configuration, every option spelled out.
    var command: String {
        "shelf server-config \(server.rawValue)\(gateway == .fastCGI ? " --fastcgi" : "") --store \(store) --listen \(listen)"
            + " --functions \(functionsFolder) --run-dir \(runFolder) --user \(user)"
    }

    /// The header comment, `#` lines. `start` holds the server's own check and start commands;
    /// `spawned` says whether the operator starts the functions with `spawn-fcgi`.
    func header(start: [String], spawned: Bool) -> String {
        var lines = [
            "Shelf: \(server.title) configuration for the store \"\(storeName)\" (\(store)).",
            "Written by this command; run it again, rather than editing this file, when the store moves",
            "or Shelf gains a function:",
            "  " + command,
            "",
            "What it serves, listening on \(listen):",
            "  /          the static site, \(site) (what `shelf build` writes)",
        ]
        for function in functions {
            let column = function.path + String(repeating: " ", count: max(1, 11 - function.path.count))
            lines.append("  \(column)the \(function.name) function, \(function.binary), as \(gateway.title)")
        }
        lines += [
            "",
            "The functions run as \(user): they write the database in data/, and refuse a secrets file",
            "that another user owns or that others can read.",
            "Before the first start, as root:",
        ]
        lines += preparation.map { "  " + $0 }
        lines.append("Run later shelf commands that write data/ as that user: sudo -u \(user) shelf stock ...")
        if spawned {
            lines += [
                "",
                "Start each function as a FastCGI responder, and keep it running with a supervisor",
                "(systemd with Restart=always): a function exits after a request overruns its time limit.",
            ]
            lines += spawnCommands.map { "  " + $0 }
        }
        lines += ["", "Check this file, then start the server in the foreground:"]
        lines += start.map { "  " + $0 }
        return lines.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n") + "\n"
    }
}
