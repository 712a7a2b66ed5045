"""A throwaway PostgreSQL cluster for tests, and Debian's server when it is missing.

Nothing here is part of the package: the tests of a database journal (issue
15) will run against a cluster that lives in a temporary folder and is gone
afterwards. The cluster

* is made by ``initdb`` from Debian's ``postgresql`` package
  (``/usr/lib/postgresql/<version>/bin``), in a new folder under the system's
  temporary folder;
* runs as the ``postgres`` user when we are root (PostgreSQL refuses to run
  as root; ``runuser -u postgres`` starts it), as ourselves otherwise;
* listens on 127.0.0.1 on a free port, with a password for TCP (SCRAM), and
  on a Unix socket in its own folder (mode 0700) for administration;
* can be stopped and started again (``Cluster.stop``/``start``), to test
  what a client does while the server is away;
* is stopped (``immediate``) and its folder removed when the ``with`` ends.

From the command line (the Makefile's ``postgresql`` and ``pg-cluster``
targets)::

    python tests/_pg.py install   # apt-get install postgresql when missing
    python tests/_pg.py run       # start a cluster, print its URL, stop on Enter
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["Cluster", "find_bindir", "install", "throwaway_cluster"]

PG_ROOT = Path("/usr/lib/postgresql")
SERVER_USER = "postgres"
SUPERUSER = "postgres"


def find_bindir(root: Path = PG_ROOT) -> Path | None:
    """The newest ``<root>/<version>/bin`` holding ``initdb`` and ``pg_ctl``, or None."""
    found = []
    for bindir in root.glob("*/bin"):
        version = bindir.parent.name
        if version.isdigit() and (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            found.append((int(version), bindir))
    return max(found)[1] if found else None


def install() -> int:
    """Install Debian's ``postgresql`` when no server is found; return an exit status.

    As root with ``apt-get``; otherwise with ``sudo`` when there is one; else
    say what to run and return 1.
    """
    if find_bindir() is not None:
        return 0
    steps = [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]]
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            print(
                "The PostgreSQL tests need Debian's postgresql: run "
                "'apt-get install postgresql' as root.",
                file=sys.stderr,
            )
            return 1
        steps = [["sudo", *step] for step in steps]
    print("Installing Debian's postgresql for the database tests...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in steps:
        done = subprocess.run(step, env=env, stdout=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            return done.returncode
    # the package starts its own cluster on port 5432; the tests do not use it
    return 0 if find_bindir() is not None else 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running throwaway cluster (made by :func:`throwaway_cluster`).

    Attributes
    ----------
    folder : Path
        The cluster's folder: ``data/``, the Unix socket, ``server.log``.
    port : int
        The TCP port on 127.0.0.1 (also the number in the socket's name).
    password : str
        The superuser's password (a new random one per cluster).
    """

    def __init__(
        self, bindir: Path, folder: Path, port: int, password: str, options: str = ""
    ) -> None:
        self.bindir = bindir
        self.folder = folder
        self.port = port
        self.password = password
        self.options = options

    def _pg_ctl(self, *args: str) -> list[str]:
        data = self.folder / "data"
        return as_server([str(self.bindir / "pg_ctl"), "-D", str(data), *args])

    def stop(self) -> None:
        """Stop the server (``fast``: open connections are cut), keeping its data."""
        _run(self._pg_ctl("-m", "fast", "-w", "stop"), what="pg_ctl stop")

    def start(self) -> None:
        """Start the server again on the same port, after :meth:`stop`."""
        log = str(self.folder / "server.log")
        _run(
            self._pg_ctl("-l", log, "-o", self.options, "-w", "-t", "60", "start"),
            what="pg_ctl start",
        )

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for the superuser, over TCP."""
        return f"postgresql+psycopg://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, *, database: str = "postgres") -> str:
        """Run SQL as the superuser through the socket; return psql's output."""
        command = [
            str(self.bindir / "psql"),
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.folder),
            "-p",
            str(self.port),
            "-U",
            SUPERUSER,
            "-d",
            database,
            "-c",
            sql,
        ]
        return _run(as_server(command), what="psql").stdout

    def create_database(self, name: str) -> str:
        """Create an empty database; return its URL."""
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def as_server(command: Sequence[str]) -> list[str]:
    """``command`` run as the ``postgres`` user when we are root, else as it is."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVER_USER, "--", *command]
    return list(command)


def _run(command: Sequence[str], *, what: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done


def _private_folder() -> Path:
    """A new 0700 folder the server's user owns (the system's temporary folder is
    reachable by every user, pytest's own is not)."""
    folder = Path(tempfile.mkdtemp(prefix="ra-pg-"))
    if os.geteuid() == 0:
        server = pwd.getpwnam(SERVER_USER)
        os.chown(folder, server.pw_uid, server.pw_gid)
    return folder


@contextlib.contextmanager
def throwaway_cluster(bindir: Path | None = None, *, durable: bool = False) -> Iterator[Cluster]:
    """Start a cluster in a new temporary folder; stop it and remove the folder after.

    Tests run it without fsync (nothing there needs to survive a power cut);
    ``durable=True`` keeps the server's defaults (``fsync``,
    ``synchronous_commit=on``), for benchmarks.

    Raises
    ------
    FileNotFoundError
        If no PostgreSQL server is installed (``python tests/_pg.py install``).
    RuntimeError
        If ``initdb`` or the server fails; the message holds their output.
    """
    bindir = bindir or find_bindir()
    if bindir is None:
        raise FileNotFoundError(
            f"No PostgreSQL server under {PG_ROOT}: run 'python tests/_pg.py install' "
            "(or 'make postgresql') as root."
        )
    folder = _private_folder()
    data = folder / "data"
    password = secrets.token_urlsafe(18)
    started = False
    try:
        pwfile = folder / "pw"
        pwfile.write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, SERVER_USER)
        os.chmod(pwfile, 0o600)
        _run(
            as_server(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    SUPERUSER,
                    "--pwfile",
                    str(pwfile),
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-locale",
                    "--no-sync",
                ]
            ),
            what="initdb",
        )
        pwfile.unlink()
        for attempt in range(3):  # another process may take the free port meanwhile
            port = free_port()
            options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
            if not durable:
                options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
            command = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log")]
            try:
                _run(as_server([*command, "-o", options, "-w", "-t", "60", "start"]), what="pg_ctl")
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            started = True
            break
        yield Cluster(bindir, folder, port, password, options)
    finally:
        if started:
            stop = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(as_server(stop), capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv == ["install"]:
        return install()
    if argv == ["run"]:
        with throwaway_cluster() as cluster:
            print(f"PostgreSQL is running: {cluster.url()}", flush=True)
            print("Press Enter to stop it and remove its folder.", flush=True)
            with contextlib.suppress(KeyboardInterrupt, EOFError):
                input()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
