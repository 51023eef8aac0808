"""A production-like stack of the site on free loopback ports, each part of which a test can stop and start.

``Stack.up()`` starts, under one temporary directory:

- its own PostgreSQL cluster (``initdb`` from ``/usr/lib/postgresql/15/bin``; run as ``postgres`` when the
  tests run as root, since PostgreSQL refuses to run as root),
- its own ``redis-server`` (the shared cache: ``CACHE_URL``),
- an SMTP sink in this process (``smtp_sink.SmtpSink``),
- the site with the production settings (``site_project.settings.base``): migrate, collectstatic, the
  fault fixture, gunicorn with 2 workers, the task worker and, when the project has one, the scheduler.

``Stack.down()`` stops only what it started, each by its own process id (PostgreSQL through ``pg_ctl`` on its
own data directory, which signals the postmaster whose pid it wrote there). The machine's PostgreSQL on 5432
and Redis on 6379 are never touched: everything here listens on ports chosen free at start-up.

The worker and scheduler commands are chosen in one place (``worker_command``/``scheduler_command``): the
project's ``run_worker``/``run_scheduler`` once they exist, else django-tasks' ``db_worker``. The environment
variables ``FAULTS_WORKER`` and ``FAULTS_SCHEDULER`` override them (``FAULTS_SCHEDULER=none`` runs none).
``FAULTS_KEEP=1`` keeps the temporary directory (logs, database) for a look afterwards.
"""

import atexit
import contextlib
import json
import os
import pwd
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests

from .smtp_sink import SmtpSink

REPO = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("FAULTS_PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_SERVER = os.environ.get("FAULTS_REDIS_SERVER", "redis-server")
VENV = Path(os.environ.get("VENV", REPO / ".venv"))
if not VENV.is_absolute():
    VENV = REPO / VENV
PYTHON = VENV / "bin" / "python"
GUNICORN = VENV / "bin" / "gunicorn"
STARTED = time.monotonic()


def progress(message: str) -> None:
    """One line for the person watching (``make faults`` runs pytest with ``-s``)."""
    print(f"[faults {time.monotonic() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)  # noqa: T201


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, interval: float = 0.2, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:.0f}s waiting for {what or condition}")
        time.sleep(interval)


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def tail(path: Path, lines: int = 40) -> str:
    if not path.exists():
        return f"({path.name}: no log)"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


class Process:
    """One long-running child, in its own process group so that it and any children it forks are ours alone."""

    def __init__(self, name: str, argv: list[str], *, env: dict, log: Path, cwd: Path = REPO):
        self.name, self.argv, self.env, self.log, self.cwd = name, argv, env, log, cwd
        self.popen: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> "Process":
        with open(self.log, "ab") as log:
            log.write(f"\n--- start {' '.join(self.argv)}\n".encode())
            self.popen = subprocess.Popen(  # noqa: S603  (our own argv)
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1
        return self

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen else None

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    @property
    def returncode(self) -> int | None:
        return self.popen.poll() if self.popen else None

    def kill9(self) -> None:
        """``kill -9`` of the process and its group, as the OOM killer or a crash would."""
        if self.alive:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self, timeout: float = 15) -> None:
        if self.popen is None:
            return
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # anything it forked and left behind in its group
            os.killpg(self.popen.pid, signal.SIGKILL)


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


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _command_exists(name: str) -> bool:
    return any(REPO.glob(f"*/management/commands/{name}.py"))


def worker_command() -> list[str]:
    """The task worker as ``make run`` and systemd start it."""
    if override := os.environ.get("FAULTS_WORKER"):
        return [str(PYTHON), "manage.py", *shlex.split(override)]
    if _command_exists("run_worker"):
        return [str(PYTHON), "manage.py", "run_worker"]
    return [str(PYTHON), "manage.py", "db_worker", "--no-startup-delay", "--interval", "1"]


def scheduler_command() -> list[str] | None:
    override = os.environ.get("FAULTS_SCHEDULER")
    if override == "none":
        return None
    if override:
        return [str(PYTHON), "manage.py", *shlex.split(override)]
    if _command_exists("run_scheduler"):
        return [str(PYTHON), "manage.py", "run_scheduler"]
    return None


class Stack:
    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="phakhi-faults-"))
        os.chmod(self.root, 0o755)  # noqa: S103  PostgreSQL's user must reach its directory inside
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.postgres = PostgreSQL(self.root / "pg", free_port())
        self.redis = Redis(self.root / "redis", free_port())
        self.sink = SmtpSink("127.0.0.1", free_port())
        self.web_port = free_port()
        self.base_url = f"http://127.0.0.1:{self.web_port}"
        self.env = self._site_env()
        self.web = Process("gunicorn", self._gunicorn_argv(), env=self.env, log=self.logs / "gunicorn.log")
        self.worker = Process("worker", worker_command(), env=self.env, log=self.logs / "worker.log")
        scheduler = scheduler_command()
        self.scheduler = (
            Process("scheduler", scheduler, env=self.env, log=self.logs / "scheduler.log")
            if scheduler
            else None
        )
        self.petitions: dict[str, dict] = {}
        self._down = False
        atexit.register(self.down)
        # `timeout` and CI stop a run with SIGTERM: turn it into an interrupt, so pytest's teardown stops our servers.
        signal.signal(signal.SIGTERM, _interrupt)

    # --- Configuration -----------------------------------------------------------------------------------------
    def _site_env(self) -> dict:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PHAKHI_"))}
        for name in (
            "DATABASE_URL",
            "CACHE_URL",
            "EMAIL_BACKEND",
            "TASKS_BACKEND",
            "DEBUG",
            "PYTEST_ADDOPTS",
        ):
            env.pop(name, None)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "site_project.settings.base",  # what manage.py and wsgi.py default to
                "SECRET_KEY": secrets.token_urlsafe(48),
                "ALLOWED_HOSTS": "127.0.0.1",
                "HTTPS": "false",
                "DATABASE_URL": self.postgres.url(),
                "CACHE_URL": f"redis://127.0.0.1:{self.redis.port}/0",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(self.sink.port),
                "EMAIL_USE_TLS": "false",
                "PETITION_RATE_LIMIT_ALLOWLIST": "127.0.0.1/32",
                "PETITION_MIN_SECONDS_TO_SUBMIT": "0",
                "PUBLIC_URL": self.base_url,  # where the links in e-mails point
                "STATIC_ROOT": str(self.root / "static"),
                "MEDIA_ROOT": str(self.root / "media"),
                "PARTNERS_PRIVATE_ROOT": str(self.root / "private"),
                "SQLITE_PATH": str(self.root / "unused.sqlite3"),
                "EMAIL_FILE_PATH": str(self.root / "mail"),
                "LOG_LEVEL": "WARNING",
                "PYTHONUNBUFFERED": "1",
            }
        )
        return env

    def _gunicorn_argv(self) -> list[str]:
        return [str(GUNICORN), "site_project.wsgi", "--bind", f"127.0.0.1:{self.web_port}", "--workers", "2",
                "--timeout", "30", "--graceful-timeout", "5", "--access-logfile", str(self.logs / "access.log"),
                "--log-level", "warning"]  # fmt: skip

    def manage(self, *argv: str, timeout: float = 300) -> str:
        result = subprocess.run(  # noqa: S603
            [str(PYTHON), "manage.py", *argv],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(argv)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    # --- Up and down ---------------------------------------------------------------------------------------------
    def up(self) -> "Stack":
        progress(f"stack in {self.root}")
        self.postgres.init()
        self.postgres.start()
        self.postgres.create_database("phakhi")
        progress(f"PostgreSQL on 127.0.0.1:{self.postgres.port} (pid {self.postgres.pid})")
        self.redis.start()
        progress(f"Redis on 127.0.0.1:{self.redis.port} (pid {self.redis.process.pid})")
        self.sink.start()
        progress(f"SMTP sink on 127.0.0.1:{self.sink.port}")
        started = time.monotonic()
        self.manage("migrate", "--no-input", "-v0")
        progress(f"migrated ({time.monotonic() - started:.0f}s)")
        started = time.monotonic()
        self.manage("collectstatic", "--no-input", "-v0")
        progress(f"static files collected ({time.monotonic() - started:.0f}s)")
        output = self.manage("shell", "-c", "from tests.faults.site_fixture import main; main()")
        self.petitions = json.loads(output.strip().splitlines()[-1])
        names = ", ".join(f"{fault} #{petition['id']}" for fault, petition in self.petitions.items())
        progress(f"petitions: {names}")
        self.web.start()
        wait_until(self._web_ready, timeout=60, what="gunicorn to answer")
        progress(f"gunicorn (2 workers) on {self.base_url} (pid {self.web.pid})")
        self.start_worker()
        if self.scheduler:
            self.scheduler.start()
            progress(f"scheduler: {' '.join(self.scheduler.argv[1:])} (pid {self.scheduler.pid})")
        else:
            progress("scheduler: none (no run_scheduler command in the project yet)")
        return self

    def _web_ready(self) -> bool:
        try:
            return requests.get(self.base_url + "/th/", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def start_worker(self) -> None:
        self.worker.start()
        progress(f"worker: {' '.join(self.worker.argv[1:])} (pid {self.worker.pid})")

    def heal(self) -> list[str]:
        """Bring every part back up before the next fault; say what had to be restarted."""
        notes = []
        if not self.postgres.running:
            self.postgres.start()
            notes.append("PostgreSQL was down")
        if not self.redis.running:
            self.redis.start()
            notes.append("Redis was down")
        if not self.sink.listening:
            self.sink.start()
            notes.append("the SMTP sink was stopped")
        self.sink.delay = 0.0
        for process in (self.web, self.worker, self.scheduler):
            if process is not None and not process.alive:
                notes.append(f"{process.name} had exited (code {process.returncode})")
                process.start()
        if notes:
            progress("restarted before the next fault: " + "; ".join(notes))
            wait_until(self._web_ready, timeout=60, what="gunicorn to answer")
        return notes

    def down(self) -> None:
        if self._down:
            return
        self._down = True
        for process in (self.scheduler, self.worker, self.web):
            if process is not None:
                process.stop()
        if self.redis.process:
            self.redis.process.stop()
        self.sink.shutdown()
        self.postgres.shutdown()
        if os.environ.get("FAULTS_KEEP") == "1":
            progress(f"kept {self.root} (FAULTS_KEEP=1)")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
        progress("stack stopped")

    # --- Looking inside --------------------------------------------------------------------------------------------
    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.postgres.url(), connect_timeout=10) as connection:
            return connection.execute(sql, params).fetchall()

    def log_tails(self, lines: int = 30) -> dict[str, str]:
        names = ["gunicorn.log", "worker.log", "scheduler.log", "access.log"]
        tails = {name: tail(self.logs / name, lines) for name in names if (self.logs / name).exists()}
        tails["postgres.log"] = tail(self.postgres.log, 15)
        return tails
