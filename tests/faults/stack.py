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

The parts live beside this module: ``processes.py`` (a process in its own group, free ports, waiting) and
``servers.py`` (the PostgreSQL cluster and the redis-server).
"""

import atexit
import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import requests

from .processes import GUNICORN, PYTHON, REPO, Process, free_port, progress, tail, wait_until
from .servers import PostgreSQL, Redis
from .smtp_sink import SmtpSink


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
