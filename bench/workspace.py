"""The bench's workspace and servers: ``var/bench/``, the production-like environment, the site and baseline
under gunicorn, and which pages exist to be measured.

``Workspace`` is a part of ``bench.run.Bench``: it keeps its state (paths found, reasons for those missing,
processes started) on the run.
"""

import http.client
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import load, servers
from .load import cookie_header
from .pyload import find_form
from .scenarios import STAFF_PAGES

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench"
PYTHON = sys.executable
BENCH_DATABASE = "phakhi_bench"


def log(message: str) -> None:
    print(f"bench {datetime.now(UTC):%H:%M:%S} {message}", file=sys.stderr, flush=True)


def bench_database_url(url: str) -> str:
    """The same server and credentials as ``url``, database ``phakhi_bench``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{BENCH_DATABASE}", parts.query, ""))


def machine_info() -> dict:
    cpu_model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    memory_kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
    wrk = "wrk missing (Python generator used for GETs)"
    if load.wrk_available():
        wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT)
    import gunicorn  # noqa: PLC0415

    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "wrk": wrk,
        "gunicorn": gunicorn.__version__,
        "commit": commit.stdout.strip() + ("-dirty" if dirty.stdout.strip() else ""),
        "load_average_at_start": os.getloadavg(),
    }


class Workspace:
    """The environment, the workspace, the servers and the pages found: the run's set-up."""

    # Environment ------------------------------------------------------------------------------------------
    def site_env(self, cache_url: str | None = None) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "BENCH_URL_")) or key == "DJANGO_SETTINGS_MODULE"
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "site_project.settings.base",
                "DEBUG": "false",
                "HTTPS": "false",
                "SECRET_KEY": self.secret_key,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "STATIC_ROOT": str(WORKDIR / "static"),
                "MEDIA_ROOT": str(WORKDIR / "media"),
                "SERVE_MEDIA": "true",  # stands in for the web server that serves media in production
                "CACHE_URL": cache_url or self.cache_url,
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(WORKDIR / "mail"),
                "LOG_LEVEL": "WARNING",
                "PETITION_RATE_LIMIT_ALLOWLIST": "127.0.0.0/8",
                "PETITION_MIN_SECONDS_TO_SUBMIT": "0",
                "BENCH_WORKDIR": str(WORKDIR),
                "PYTHONPATH": str(ROOT),
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        for key, value in os.environ.items():
            if key.startswith("BENCH_URL_"):
                env[key] = value
        if self.engine == "postgresql":
            env["DATABASE_URL"] = bench_database_url(self.source_url)
        else:
            env.pop("DATABASE_URL", None)
            env["SQLITE_PATH"] = str(WORKDIR / "site.sqlite3")
        return env

    def baseline_env(self) -> dict:
        env = self.site_env()
        env["DJANGO_SETTINGS_MODULE"] = "bench.baseline.settings"
        env["BASELINE_SQLITE_PATH"] = str(WORKDIR / "baseline.sqlite3")
        return env

    def manage(
        self, *args: str, env: dict | None = None, module: str | None = None, stream: bool = False
    ) -> str:
        """Run a manage.py command or a module with the site's environment; its stdout, or raise with stderr."""
        command = [PYTHON, "-m", module, *args] if module else [PYTHON, "manage.py", *args]
        started = time.monotonic()
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env or self.site_env(),
            stdout=subprocess.PIPE,
            stderr=None if stream else subprocess.PIPE,  # stream: progress goes straight to the console
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command[1:])} failed:\n{(result.stderr or '')[-4000:]}")
        log(
            f"  {' '.join(command[2:4] if module else command[2:3])} done in {time.monotonic() - started:.0f} s"
        )
        return result.stdout

    def probe(self, *args: str, env: dict | None = None) -> dict:
        return json.loads(self.manage(*args, env=env, module="bench.probe").strip().splitlines()[-1])

    # Workspace --------------------------------------------------------------------------------------------
    def prepare(self) -> None:
        if WORKDIR.exists():
            shutil.rmtree(WORKDIR)
        (WORKDIR / "mail").mkdir(parents=True)
        self.secret_key = secrets.token_urlsafe(48)
        if self.engine == "postgresql":
            self.recreate_postgres_database()
        log(f"preparing {self.engine} in {WORKDIR.relative_to(ROOT)}")
        self.manage("migrate", "--no-input", "-v0")
        self.probe("load-demo")
        # What loading queued for the worker (the demo's 900 search and reference index updates): done before
        # any row, as on a site that has been running, not by the worker while the first rows measure.
        self.manage("db_worker", "--batch", "--no-startup-delay")
        self.manage("collectstatic", "--no-input", "-v0")
        self.manage(env=self.baseline_env(), module="bench.baseline.prepare")
        self.discover()

    def recreate_postgres_database(self, drop_only: bool = False) -> None:
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.source_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            if not drop_only:
                connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")

    def discover(self) -> None:
        self.discovered = self.probe("discover")
        self.paths, self.reasons = {}, {}
        for key, entry in self.discovered["pages"].items():
            if entry.get("url"):
                self.paths[key] = entry["url"]
            else:
                self.reasons[key] = entry.get("reason", "not found")
        for key in STAFF_PAGES:
            entry = self.discovered.get("staff", {}).get(key, {"reason": "the probe found no admin screens"})
            if entry.get("url"):
                self.paths[key] = entry["url"]
            else:
                self.reasons[key] = entry["reason"]
        if self.discovered["api"].get("url"):
            self.paths["api"] = self.discovered["api"]["url"]
        else:
            self.reasons["api"] = self.discovered["api"]["reason"]
        log(f"found pages: {self.paths}; missing: {self.reasons}")

    # Servers ----------------------------------------------------------------------------------------------
    def start_site(
        self, name: str, cache_url: str | None = None, with_worker: bool = True
    ) -> servers.Process:
        env = self.site_env(cache_url)
        site = servers.start_gunicorn(
            name, "site_project.wsgi", env=env, workdir=WORKDIR, cwd=ROOT, python=PYTHON
        )
        self.processes.append(site)
        if with_worker:
            worker = servers.start_process(
                "db_worker",
                [PYTHON, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.5"],
                env=env,
                workdir=WORKDIR,
                cwd=ROOT,
            )
            self.processes.append(worker)
        servers.wait_until_up(site)
        return site

    def start_baseline(self) -> servers.Process:
        baseline = servers.start_gunicorn(
            "baseline",
            "bench.baseline.wsgi",
            env=self.baseline_env(),
            workdir=WORKDIR,
            cwd=ROOT,
            python=PYTHON,
        )
        self.processes.append(baseline)
        servers.wait_until_up(baseline, "/healthz")
        return baseline

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            process.stop()
            if process.peaks:
                label = process.name if self.data_size == "demo" else f"{process.name} (full size)"
                self.memory[label] = dict(process.peaks)
        self.processes.clear()

    # Availability -----------------------------------------------------------------------------------------
    def get(self, server: servers.Process, path: str, cookies: dict | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"Cookie": cookie_header(cookies)} if cookies else {}
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def warm(self, server: servers.Process, path: str, cookies: dict | None = None) -> None:
        """Let every worker draw ``path`` twice: its first view in a process compiles the templates and fills the
        memo, once in the process's life. The requests go ``WORKERS`` at a time, so that each sync worker takes
        some (one at a time, the first free worker could take them all and leave another cold)."""
        with ThreadPoolExecutor(max_workers=servers.WORKERS) as pool:
            list(pool.map(lambda _: self.get(server, path, cookies), range(2 * servers.WORKERS)))

    def check_pages(self, site: servers.Process) -> None:
        """Every discovered public path must answer 200; find the partner page and the petition JSON if needed.

        The Secretariat's screens are checked signed in, by ``run_staff``: to an anonymous reader they answer a
        redirect to the admin's sign-in, which would have taken them off the run."""
        for key in [key for key in self.paths if key not in STAFF_PAGES]:
            status, body = self.get(site, self.paths[key])
            if status != 200:
                self.reasons[key] = f"GET {self.paths.pop(key)} returned {status}"
            elif key == "partners" and "partner" not in self.paths:
                self.derive_child("partner", self.paths[key], body)
            elif key == "api" and "api-detail" not in self.paths:
                self.derive_api_detail(site, body)
        if "petition" in self.paths:
            status, body = self.get(site, self.paths["petition"])
            if find_form(body.decode("utf-8", "replace"), "email") is None:
                self.reasons["sign"] = (
                    f"no sign form (a POST form with a form token and email) on {self.paths['petition']}"
                )
        else:
            self.reasons["sign"] = f"no petition page ({self.reasons.get('petition')})"

    def derive_child(self, key: str, parent: str, body: bytes) -> None:
        hrefs = re.findall(r'href="([^"#?]+)"', body.decode("utf-8", "replace"))
        children = [href for href in hrefs if href.startswith(parent) and len(href) > len(parent)]
        if children:
            self.paths[key] = children[0]
            self.reasons.pop(key, None)

    def derive_api_detail(self, site: servers.Process, body: bytes) -> None:
        try:
            data = json.loads(body)
        except ValueError:
            self.reasons["api-detail"] = f"{self.paths['api']} is not JSON"
            return
        base = urlsplit(self.paths["api"]).path
        candidates = re.findall(r'"((?:https?://[^"/]+)?' + re.escape(base) + r'[^"]+)"', json.dumps(data))
        items = data.get("petitions", data.get("results", [])) if isinstance(data, dict) else data
        if isinstance(items, list):
            candidates += [
                f"{base}{item['id']}/" for item in items if isinstance(item, dict) and "id" in item
            ]
        for candidate in candidates:
            path = urlsplit(candidate).path
            if self.get(site, path)[0] == 200:
                self.paths["api-detail"] = path
                return
        self.reasons["api-detail"] = f"no petition URL under {base} in the list"
