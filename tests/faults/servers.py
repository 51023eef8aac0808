"""The stack's own PostgreSQL cluster and redis-server, on free loopback ports, never the machine's."""

import os
import pwd
import signal
import subprocess
from pathlib import Path

import psycopg

from .processes import PG_BIN, REDIS_SERVER, Process, port_open, wait_until


def _unprivileged_user() -> str:
    """PostgreSQL refuses to run as root: as root, run it as ``postgres`` where that account exists."""
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "nobody"
    return "postgres"


class PostgreSQL:
    """A throw-away cluster on a free port, owned by an unprivileged user when we are root."""

    # What a fault report says as a test stops it and starts it again.
    stopping, started = "stopping PostgreSQL (pg_ctl stop -m fast)", "PostgreSQL started"

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self.data = root / "data"
        self.log = root / "postgres.log"
        self.user = _unprivileged_user() if os.geteuid() == 0 else None

    def _run(self, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(PG_BIN / argv[0]), *argv[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=timeout, check=True, cwd=self.root
        )

    def init(self) -> None:
        self.root.mkdir(mode=0o700)
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c max_connections=60 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    @property
    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError, PermissionError):
            return None

    @property
    def running(self) -> bool:
        pid = self.pid
        if pid is None:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True

    def url(self, database: str = "phakhi") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def shutdown(self) -> None:
        """Stop our cluster, whatever state a test left it in; only by its own pid if pg_ctl cannot."""
        if not self.running:
            return
        try:
            self.stop("fast")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pid = self.pid
            if pid:
                os.kill(pid, signal.SIGQUIT)


class Redis:
    # What a fault report says as a test stops it and starts it again.
    stopping, started = "stopping redis-server", "redis-server started (empty)"

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self.process: Process | None = None

    def start(self) -> None:
        self.root.mkdir(exist_ok=True)
        argv = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", str(self.root), "--daemonize", "no"]  # fmt: skip
        self.process = Process("redis", argv, env=dict(os.environ), log=self.root / "redis.log").start()
        wait_until(lambda: port_open(self.port), timeout=15, what="redis-server to listen")

    def stop(self) -> None:
        if self.process:
            self.process.stop()
        wait_until(lambda: not port_open(self.port), timeout=10, what="redis-server to close its port")

    @property
    def running(self) -> bool:
        return bool(self.process and self.process.alive)
