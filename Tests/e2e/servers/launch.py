"""Starts a real web server (and its spawn-fcgi functions) from the configuration `shelf server-config` prints.

The configuration is used exactly as printed. The commands its header comment gives the operator
(preparing data/ and the run folder, starting each function with spawn-fcgi) are run as written,
so a wrong instruction fails the tests too.
"""
import contextlib
import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import store_db
from conftest import REPO, shelf

SEARCH_PATH = os.environ.get("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin"


@dataclass(frozen=True)
class Server:
    """One way of serving the store: a web server and how it runs the functions."""
    name: str          # the `shelf server-config` argument
    fastcgi: bool
    program: str       # the executable, looked up on PATH and in the sbin folders
    package: str       # the Debian package that provides it

    @property
    def id(self):
        return f"{self.name}-{'fastcgi' if self.fastcgi else 'cgi'}"

    def start_command(self, config: Path, run: Path):
        """The foreground start command the configuration's header gives."""
        return {
            "lighttpd": [self.program, "-D", "-f", str(config)],
            "nginx": [self.program, "-c", str(config), "-p", str(run), "-g", "daemon off;"],
            "apache": [self.program, "-f", str(config), "-DFOREGROUND"],
            "caddy": [self.program, "run", "--config", str(config), "--adapter", "caddyfile"],
        }[self.name]


SERVERS = [
    Server("lighttpd", False, "lighttpd", "lighttpd"),
    Server("lighttpd", True, "lighttpd", "lighttpd"),
    Server("nginx", True, "nginx", "nginx"),
    Server("apache", False, "apache2", "apache2"),
    Server("caddy", True, "caddy", "caddy"),
]


def require(program: str, package: str) -> str:
    """The path of `program`; a missing one fails the test with the package to install, never skips it."""
    path = shutil.which(program, path=SEARCH_PATH)
    if path is None:
        raise AssertionError(f"{program} is not installed: run `make test` as root, or apt-get install {package}")
    return path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def header_section(config: str, title: str):
    """The commands listed under a header line of the configuration that starts with `title`."""
    lines = config.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("# " + title)), None)
    if start is None:
        return []
    commands = []
    for line in lines[start + 1:]:
        if line.startswith("#   "):
            commands.append(line[4:])
        elif commands or not line.startswith("# "):
            break
    return commands


def make_store(target: Path) -> Path:
    """A fresh demo store, set up as a merchant would: migrate, build, stock, secrets."""
    target.mkdir()
    for name in ["shelf.toml", "content", "static", "themes", "demo"]:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    store_db.use_new_database(target)
    shelf("migrate", store=target)
    shelf("build", "--quiet", store=target)
    shelf("stock", "import", str(target / "demo" / "stock.csv"), store=target)
    shelf("build", "--quiet", store=target)
    shelf("secrets", "init", store=target)
    return target


@dataclass
class Site:
    """A store served by a running web server."""
    server: Server
    root: Path
    store: Path
    run: Path
    base: str
    config: str
    processes: list = field(default_factory=list)

    def log_files(self):
        return sorted(p for p in [*self.root.glob("*.out"), *self.run.glob("*.log")] if p.is_file())

    def log_sizes(self):
        return {path: path.stat().st_size for path in self.log_files()}

    def logs_since(self, sizes=None):
        """What the server, its functions and spawn-fcgi wrote since `sizes` (or ever), for a failure report."""
        parts = []
        for path in self.log_files():
            with open(path, "rb") as file:
                file.seek((sizes or {}).get(path, 0))
                text = file.read().decode(errors="replace").strip()
            if text:
                parts.append(f"--- {path.name} ---\n{text[-6000:]}")
        return "\n".join(parts)


def start(command, log: Path, env=None):
    """Starts a process in its own process group, so that it and its children can be stopped together."""
    with open(log, "ab") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)


def stop(process: subprocess.Popen):
    """Stops a process started by `start` and everything it started: SIGTERM, then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def wait_until_listening(site: Site, port: int, sockets, seconds=20):
    """Waits for the server's port and the functions' FastCGI sockets; fails with the logs if a process exits."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        for process in site.processes:
            if process.poll() is not None:
                raise AssertionError(
                    f"{shlex.join(process.args)} exited with {process.returncode}\n{site.logs_since()}")
        if all(path.is_socket() for path in sockets):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        time.sleep(0.1)
    raise AssertionError(f"{site.server.id} is not listening on port {port} after {seconds} s\n{site.logs_since()}")


@contextlib.contextmanager
def serve(server: Server, prepare=None):
    """A fresh demo store served by `server` on a free loopback port, stopped and removed afterwards.

    `prepare(store)`, when given, changes the store (its settings, secrets) before the server starts."""
    program = require(server.program, server.package)
    if server.name in ("nginx", "caddy"):
        require("spawn-fcgi", "spawn-fcgi")
    # pytest's own temporary folders are private to root; the server's user must reach this one.
    root = Path(tempfile.mkdtemp(prefix=f"shelf-{server.id}-"))
    root.chmod(0o755)
    site = None
    try:
        store = make_store(root / "store")
        if prepare is not None:
            prepare(store)
        port = free_port()
        user = "www-data" if os.geteuid() == 0 else getpass.getuser()
        arguments = ["server-config", server.name, "--listen", f"127.0.0.1:{port}", "--user", user]
        config = shelf(*arguments, *(["--fastcgi"] if server.fastcgi else []), store=store).stdout
        config_file = root / f"{server.name}.conf"
        config_file.write_text(config)
        site = Site(server, root, store, store / ".shelf" / "run" / server.name, f"http://127.0.0.1:{port}", config)

        preparation = header_section(config, "Before the first start")
        assert preparation, "the header lists no commands to prepare the store"
        if os.geteuid() == 0:
            for command in preparation:
                subprocess.run(shlex.split(command), check=True)
        else:
            site.run.mkdir(parents=True, exist_ok=True)

        sockets = []
        for number, command in enumerate(header_section(config, "Start each function")):
            arguments = shlex.split(command)
            sockets.append(Path(arguments[arguments.index("-s") + 1]))
            site.processes.append(start(arguments, root / f"spawn-fcgi-{number}.out"))
        # Caddy keeps its autosaved configuration under the home folder: keep it in the run folder.
        env = {**os.environ, "HOME": str(site.run), "XDG_CONFIG_HOME": str(site.run), "XDG_DATA_HOME": str(site.run)}
        command = server.start_command(config_file, site.run)
        command[0] = program
        site.processes.append(start(command, root / f"{server.name}.out", env=env))
        wait_until_listening(site, port, sockets)
        yield site
    finally:
        if site is not None:
            for process in reversed(site.processes):
                stop(process)
        shutil.rmtree(root, ignore_errors=True)
