"""Several function hosts for one store, the way docs/scaling.md deploys them, on one machine.

On PostgreSQL each host is a copy of the store folder (its own `site/`, run folder, lighttpd and
FastCGI processes) whose `shelf.toml` names the one shared database in `[database] url`, with the
same secrets file as the first host. On SQLite the hosts can only share the database by sharing
the folder: each is a lighttpd of its own with its own run folder and FastCGI processes, serving
the same `site/` and writing the same `data/shelf.sqlite`.

Every lighttpd configuration is `shelf server-config lighttpd --fastcgi` as printed, and the
commands of its "Before the first start" header are run as written (as root).
"""
import contextlib
import getpass
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from conftest import REPO, shelf
from servers.launch import SERVERS, Site, free_port, header_section, require, start, stop, wait_until_listening

LIGHTTPD = next(server for server in SERVERS if server.id == "lighttpd-fastcgi")
STORE_FILES = ["shelf.toml", "content", "static", "themes", "demo"]


def copy_demo(target: Path, database: str | None) -> Path:
    """The demo store's files in `target`, pointed at `database` when one is given."""
    target.mkdir()
    for name in STORE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    if database:
        with open(target / "shelf.toml", "a") as settings:
            settings.write(f'\n[database]\nurl = "{database}"\n')
    return target


def open_socket_folder(database: str):
    """Lets the functions' user reach a PostgreSQL Unix socket whose folder only its owner may enter.

    scripts/test-postgres makes the cluster's folder private to postgres; run as root, the
    functions run as www-data and must be able to reach the socket in it (but not list it)."""
    host = parse_qs(urlsplit(database).query).get("host", [""])[0]
    if host.startswith("/") and os.geteuid() == 0:
        os.chmod(host, os.stat(host).st_mode | 0o011)


def prepare_stores(root: Path, count: int, database: str | None, prepare=None):
    """The store folders of `count` hosts: one on SQLite, `count` copies on PostgreSQL."""
    first = copy_demo(root / "host-1", database)
    shelf("migrate", store=first)
    shelf("build", "--quiet", store=first)
    shelf("stock", "import", str(first / "demo" / "stock.csv"), store=first)
    if prepare is not None:
        prepare(first)
    shelf("build", "--quiet", store=first)
    shelf("secrets", "init", store=first)
    if database is None:
        return [first] * count
    stores = [first]
    for number in range(2, count + 1):
        store = copy_demo(root / f"host-{number}", database)
        # Its own site/ from the shared database's stock; the same secrets as the first host, so
        # a session cookie, a form token or a payment page made on one host is good on any.
        shelf("build", "--quiet", store=store)
        (store / "data").mkdir(exist_ok=True)
        shutil.copy(first / "data" / "secrets.toml", store / "data" / "secrets.toml")
        (store / "data" / "secrets.toml").chmod(0o600)
        stores.append(store)
    return stores


@contextlib.contextmanager
def serve_hosts(count: int, database: str | None = None, prepare=None, processes: int = 2):
    """`count` lighttpd FastCGI hosts of a fresh demo store on free loopback ports, sharing the
    PostgreSQL `database` (a libpq URL), or the store's SQLite file when it is None. Yields their
    `Site`s; stops and removes everything afterwards.

    `prepare(store)`, when given, changes the first store (its stock, say) before its final build.
    Each host starts `processes` FastCGI processes per function (the configuration's 2 unless told)."""
    program = require(LIGHTTPD.program, LIGHTTPD.package)
    if database:
        open_socket_folder(database)
    root = Path(tempfile.mkdtemp(prefix="shelf-hosts-"))
    root.chmod(0o755)
    sites = []
    try:
        stores = prepare_stores(root, count, database, prepare)
        user = "www-data" if os.geteuid() == 0 else getpass.getuser()
        for number, store in enumerate(stores, start=1):
            port = free_port()
            run = store / ".shelf" / "run" / f"lighttpd-{number}"
            config = shelf("server-config", "lighttpd", "--fastcgi", "--listen", f"127.0.0.1:{port}", "--user", user,
                           "--run-dir", str(run), store=store).stdout
            config = re.sub(r'"max-procs" => \d+', f'"max-procs" => {processes}', config)
            config_file = root / f"lighttpd-{number}.conf"
            config_file.write_text(config)
            site = Site(LIGHTTPD, root, store, run, f"http://127.0.0.1:{port}", config)
            sites.append(site)
            if os.geteuid() == 0:
                for command in header_section(config, "Before the first start"):
                    subprocess.run(shlex.split(command), check=True)
            else:
                run.mkdir(parents=True, exist_ok=True)
            command = LIGHTTPD.start_command(config_file, run)
            command[0] = program
            site.processes.append(start(command, root / f"lighttpd-{number}.out"))
            wait_until_listening(site, port, [])
        yield sites
    finally:
        for site in reversed(sites):
            for process in reversed(site.processes):
                stop(process)
        shutil.rmtree(root, ignore_errors=True)
