"""``make bench``: the site under gunicorn beside a bare Django baseline, in one run, with ratios.

Usage (from the repository root)::

    make bench                                   # SQLite, 20 s per scenario, demo-size data
    BENCH_SECONDS=5 make bench                   # a quick check (well under 10 minutes)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make bench
                                                 # PostgreSQL: uses (drops and re-creates) phakhi_bench
    BENCH_SCALE=1 make bench                     # also fill 1,000,000 signatures etc. and run again

What one run does:

1. A fresh workspace in ``var/bench/``: the site's database (``site.sqlite3``, or the database
   ``phakhi_bench`` on the server named by ``DATABASE_URL``; the database in the URL is only used to create
   it), ``migrate``, ``load_demo_data``, ``collectstatic`` (compressed, manifest) under production settings:
   ``site_project.settings.base`` with DEBUG off, a random SECRET_KEY, plain HTTP on 127.0.0.1.
2. The baseline (``bench/baseline``: views ``ok`` and ``insert``) under gunicorn, then the site with its
   cache (``CACHE_URL``, locmem by default) and the django-tasks worker, then the site with
   ``CACHE_URL=dummy://`` for the cold rows, among them the Secretariat's admin screens (the dashboard
   and the inbox, signed in with a session the probe makes). All with the same gunicorn flags
   (``bench/servers.py``), ``BENCH_WORKERS`` (2) sync workers, on 127.0.0.1 only.
3. Each scenario of ``bench/scenarios.py`` for ``BENCH_SECONDS`` (20) at its fixed concurrency, through
   ``wrk`` for GETs (``bin/install-wrk``; without it the Python generator stands in and the report says
   so) or ``bench/pyload.py`` for form posts. A scenario whose page or app does not exist is written as
   "not available: <reason>".
4. Checks after the writes: rows stored = accepted posts, no request failed, the public count catches up
   with the confirmed rows (and how long that took). Page weight of each public page type, SQL queries of
   a repeat view, peak RSS of every worker.
5. ``bench/results/<engine>.json``, then ``latest.json`` and ``latest.md`` combining the newest run of
   each engine.

One run at a time per machine: a second one waits for the first to finish (they would share the
database ``phakhi_bench`` and the two cores). Other knobs: ``BENCH_SCALE_SIGNATURES`` (1,000,000) and friends (see ``bench/scale_data.py``),
``BENCH_URL_<PAGE>`` to point a scenario at a given path (``BENCH_URL_PETITION=/th/...``), ``BENCH_KEEP=1``
to keep the PostgreSQL database afterwards, ``BENCH_ONLY=word,word`` to run only scenarios whose name
contains one of the words (a server none of them needs is not started: ``BENCH_ONLY=dashboard,baseline``
runs the baseline and the dashboard's rows only).
"""

import email
import fcntl
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import load, pageweight, report, servers
from .pyload import find_form
from .scenarios import READ_PAGES, SCENARIOS, STAFF_PAGES, Scenario
from .stats import ratio

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
BENCH_DATABASE = "phakhi_bench"
MAIL_SEPARATOR = b"-" * 79
LOCK_FILE = Path(tempfile.gettempdir()) / "phakhi-bench.lock"


def log(message: str) -> None:
    print(f"bench {datetime.now(UTC):%H:%M:%S} {message}", file=sys.stderr, flush=True)


# --- Pure helpers --------------------------------------------------------------------------------------------


def bench_database_url(url: str) -> str:
    """The same server and credentials as ``url``, database ``phakhi_bench``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{BENCH_DATABASE}", parts.query, ""))


def confirm_links(mail_dir: Path, match: str = "confirm") -> list[str]:
    """Paths (with query) of the confirmation links in the e-mails Django's file backend wrote."""
    links: dict[str, None] = {}
    if not mail_dir.exists():
        return []
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_bytes().split(MAIL_SEPARATOR):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk.strip(b"\n"))
            for part in message.walk():
                if part.get_content_type() != "text/plain":
                    continue
                payload = part.get_payload(decode=True) or b""
                text = payload.decode(part.get_content_charset() or "utf-8", "replace")
                for url in re.findall(r"https?://[^\s<>\"')]+", text):
                    parts = urlsplit(url)
                    if match in parts.path:
                        links.setdefault(parts.path + (f"?{parts.query}" if parts.query else ""), None)
    return list(links)


def first_count(data) -> int | None:
    """The first whole number under a key that names a count (``signature_count``, ``count``, ...)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and ("count" in key or key == "signatures")
            ):
                return value
        for value in data.values():
            found = first_count(value)
            if found is not None:
                return found
    elif isinstance(data, list) and data:
        return first_count(data[0])
    return None


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


# --- The run -------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self):
        self.seconds = float(os.environ.get("BENCH_SECONDS", "20"))
        self.scale = os.environ.get("BENCH_SCALE", "") in {"1", "true", "yes"}
        self.only = [word for word in os.environ.get("BENCH_ONLY", "").split(",") if word]
        self.source_url = os.environ.get("DATABASE_URL", "")
        self.engine = "postgresql" if self.source_url.startswith(("postgres", "postgis")) else "sqlite"
        self.cache_url = os.environ.get("CACHE_URL", "locmem://")
        self.processes: list[servers.Process] = []
        self.rows: list[dict] = []
        self.checks: list[dict] = []
        self.notes: list[str] = []
        self.memory: dict[str, dict] = {}
        self.paths: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self.discovered: dict = {}
        self.queries: dict = {}
        self.staff_queries: dict = {}
        self.run_id = secrets.token_hex(3)
        self.data_size = "demo"

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

    def check_pages(self, site: servers.Process) -> None:
        """Every discovered path must answer 200; find the partner page and the petition JSON if needed."""
        for key in list(self.paths):
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

    # Scenarios --------------------------------------------------------------------------------------------
    def selected(self, scenario: Scenario) -> bool:
        return not self.only or any(word in scenario.name for word in self.only)

    def wanted(self, *groups: str) -> bool:
        """Whether any scenario of ``groups`` is selected: a server none of them needs is not started."""
        return any(self.selected(scenario) for scenario in self.group(*groups))

    def skip(self, scenario: Scenario, reason: str) -> dict | None:
        if not self.selected(scenario):
            return None
        row = self.base_row(scenario)
        row.update(status="skipped", reason=reason)
        self.rows.append(row)
        log(f"  {scenario.name}: not available: {reason}")
        return row

    def base_row(self, scenario: Scenario) -> dict:
        return {
            "name": scenario.name,
            "group": scenario.group,
            "data": self.data_size,
            "concurrency": scenario.concurrency,
            "generator": scenario.generator
            if load.wrk_available() or scenario.generator != "wrk"
            else "python",
            "baseline": scenario.baseline,
            "target": scenario.target.describe() if scenario.target else "",
        }

    def scenario_path(self, scenario: Scenario) -> tuple[str | None, str | None]:
        if scenario.path:
            return scenario.path, None
        if scenario.flow in {"sign", "mixed"} and "sign" in self.reasons:
            return None, self.reasons["sign"]
        key = scenario.page
        if key in self.paths:
            return self.paths[key], None
        return None, self.reasons.get(key, f"no {key} page")

    def run_scenario(
        self, scenario: Scenario, server: servers.Process, cookies: dict | None = None, **extra
    ) -> dict | None:
        if not self.selected(scenario):
            return None
        path, reason = self.scenario_path(scenario)
        if path is None:
            return self.skip(scenario, reason)
        row = self.base_row(scenario)
        row["path"] = path
        cpu_before = server.cpu_seconds()
        if scenario.generator == "wrk" and load.wrk_available():
            method = "POST" if scenario.flow == "post" else "GET"
            result = load.run_wrk(
                server.url + path,
                seconds=self.seconds,
                concurrency=scenario.concurrency,
                method=method,
                headers={"Cookie": cookie_header(cookies)} if cookies else None,
            )
        else:
            spec = {
                "base": server.url,
                "seconds": self.seconds,
                "concurrency": scenario.concurrency,
                "flow": scenario.flow,
                "urls": [path],
                "run_id": f"{self.run_id}{self.data_size[0]}",
                "sign": {"page": self.paths.get("petition")},
                "cookies": cookies or {},
                **extra,
            }
            result = load.run_python(spec, python=PYTHON)
        server_cpu = server.cpu_seconds() - cpu_before
        self.drain(server)
        row.update(result)
        row["status"] = "ok"
        if row.get("requests"):
            row["server_cpu_ms_per_request"] = round(1000 * server_cpu / row["requests"], 2)
        if scenario.baseline:
            base = self.find_row(scenario.baseline)
            row["ratio"] = ratio(row.get("rps"), base.get("rps") if base else None)
        if scenario.group == "reading" and path in self.queries:
            row["queries_on_hit"] = self.queries[path]["repeat"]
            row["queries_first"] = self.queries[path]["first"]
        if scenario.staff and "repeat" in self.staff_queries.get(path, {}):
            row["queries_per_view"] = self.staff_queries[path]["repeat"]
            row["first_view_ms"] = self.staff_queries[path]["first_ms"]
        if not row.get("requests"):
            row["errors"] = row.get("errors") or 1
            row.setdefault("error_detail", {})["note"] = f"no request completed in {self.seconds:g} s"
        row["met"] = scenario.target.check(row) if scenario.target else None
        self.rows.append(row)
        log(
            f"  {scenario.name} [{self.data_size}] c={scenario.concurrency}: {row.get('rps')} req/s, "
            f"p95 {row.get('p95_ms')} ms, errors {row.get('errors_all_kinds', row.get('errors'))}, "
            f"ratio {row.get('ratio')}, generator CPU {row.get('generator_cpu_pct')}%"
        )
        return row

    def drain(self, server: servers.Process) -> None:
        """Wait until the requests a generator left queued when it stopped have been served.

        Sync workers serve every accepted connection to the end even after the client went away, so
        without this the next scenario would start behind the last one's backlog.
        """
        deadline = time.monotonic() + 120
        for _ in range(servers.WORKERS + 1):
            while time.monotonic() < deadline:
                try:
                    self.get(server, "/healthz")
                    break
                except OSError:
                    time.sleep(0.2)

    def find_row(self, name: str) -> dict | None:
        for row in self.rows:
            if row["name"] == name and row.get("status") == "ok":
                return row
        return None

    def group(self, *groups: str) -> list[Scenario]:
        return [scenario for scenario in SCENARIOS if scenario.group in groups]

    # Phases -----------------------------------------------------------------------------------------------
    def run_baseline(self) -> None:
        if not self.wanted("baseline"):
            return
        log("baseline")
        baseline = self.start_baseline()
        try:
            for scenario in self.group("baseline"):
                self.run_scenario(scenario, baseline)
        finally:
            self.stop_all()

    def run_warm(self) -> None:
        groups = ("reading", "api", "signing", "confirming", "mixed")
        if not self.wanted(*groups):
            return
        log(f"site, cache {self.cache_url} (repeat visitors) [{self.data_size}]")
        site = self.start_or_skip("site", None, groups)
        if site is None:
            return
        try:
            self.check_pages(site)
            read_paths = [self.paths[key] for key in READ_PAGES if key in self.paths]
            if read_paths:
                self.queries = self.probe("queries", *read_paths)
            if self.data_size == "demo":
                self.page_weight = {}
                for key in READ_PAGES:
                    if key in self.paths:
                        weight = pageweight.measure_page(site.url, self.paths[key])
                        if weight["status"] != 200:
                            weight = {"reason": f"GET {self.paths[key]} returned {weight['status']}"}
                        elif weight["failed"]:
                            failed = ", ".join(
                                f"{item['url']} ({item['status']})" for item in weight["failed"]
                            )
                            self.notes.append(f"page weight of {key}: failed sub-requests: {failed}")
                        self.page_weight[key] = weight
                    else:
                        self.page_weight[key] = {"reason": self.reasons.get(key, "no page")}
            for path in read_paths + [self.paths[key] for key in ("api", "api-detail") if key in self.paths]:
                for _ in range(4 * servers.WORKERS):  # fill every worker's cache: a repeat visitor's view
                    self.get(site, path)
            for scenario in self.group("reading", "api"):
                self.run_scenario(scenario, site)
            self.run_writes(site, read_paths)
        finally:
            self.stop_all()

    def run_cold(self) -> None:
        if not self.wanted("reading-cold", "staff-cold"):
            return
        log(f"site, cache dummy:// (every cache cold) [{self.data_size}]")
        site = self.start_or_skip("site-cold", "dummy://", ("reading-cold", "staff-cold"))
        if site is None:
            return
        try:
            for scenario in self.group("reading-cold"):
                self.run_scenario(scenario, site)
            self.run_staff(site)
        finally:
            self.stop_all()

    def run_staff(self, site: servers.Process) -> None:
        """The Secretariat's screens, signed in: a session from the probe, then each screen must answer 200."""
        scenarios = [scenario for scenario in self.group("staff-cold") if self.selected(scenario)]
        if not scenarios:
            return
        session = self.probe("staff-session")
        if "reason" in session:
            for scenario in scenarios:
                self.skip(scenario, session["reason"])
            return
        paths = [self.paths[scenario.page] for scenario in scenarios if scenario.page in self.paths]
        if paths:  # a fresh process with the cold server's cache: the first view's time, then the queries
            self.staff_queries.update(self.probe("staff-queries", *paths, env=self.site_env("dummy://")))
        for scenario in scenarios:
            path = self.paths.get(scenario.page)
            if path is not None:
                status, _body = self.get(site, path, cookies=session["cookie"])
                if status != 200:
                    self.skip(scenario, f"GET {path} as a member of the Secretariat returned {status}")
                    continue
                for _ in range(2 * servers.WORKERS):  # each worker's first view (templates) is not the data's
                    self.get(site, path, cookies=session["cookie"])
            self.run_scenario(scenario, site, cookies=session["cookie"])

    def start_or_skip(self, name: str, cache_url: str | None, groups: tuple) -> servers.Process | None:
        """Start the site; if it cannot start, write its scenarios as not available, with the error."""
        try:
            return self.start_site(name, cache_url=cache_url, with_worker=name == "site")
        except RuntimeError as error:
            self.stop_all()
            lines = [line for line in str(error).splitlines() if line.strip()]
            reason = f"the site did not start ({lines[-1].strip()[:200]})"
            for scenario in self.group(*groups):
                if self.selected(scenario):
                    self.skip(scenario, reason)
            return None

    def counts(self) -> dict:
        pk = self.discovered["pages"].get("petition", {}).get("pk")
        if pk is None:
            return {"reason": "the petition is not a page the bench can count"}
        return self.probe("petition-counts", str(pk))

    def public_count(self, site: servers.Process) -> int | None:
        for key in ("api-detail", "api"):
            if key in self.paths:
                status, body = self.get(site, self.paths[key])
                if status == 200:
                    try:
                        return first_count(json.loads(body))
                    except ValueError:
                        return None
        return None

    def run_writes(self, site: servers.Process, read_paths: list[str]) -> None:
        signing, confirming, mixed = (
            self.group("signing")[0],
            self.group("confirming")[0],
            self.group("mixed")[0],
        )
        before = self.counts() if "sign" not in self.reasons else {}
        for old in (WORKDIR / "mail").iterdir():  # only this scenario's confirmation e-mails count
            old.unlink()
        signed = self.run_scenario(signing, site)
        if signed and signed.get("status") == "ok":
            accepted = signed.get("counters", {}).get("signatures_accepted", 0)
            after = self.counts()
            if "rows" in after and "rows" in before:
                stored = after["rows"] - before["rows"]
                self.check(
                    "signing: rows stored = accepted posts",
                    stored == accepted,
                    f"{stored} stored, {accepted} accepted",
                )
            else:
                self.check("signing: rows stored = accepted posts", None, after.get("reason", "no counts"))
            self.check(
                "signing: no request failed",
                signed.get("errors_all_kinds", 0) == 0,
                f"{signed.get('errors_all_kinds', 0)} failed; {'; '.join(signed.get('error_samples', [])[:3])}",
            )
            links = self.wait_for_mail(accepted)
            if links:
                confirmed = self.run_scenario(confirming, site, confirm={"links": links})
                if confirmed and confirmed.get("exhausted"):
                    self.notes.append(
                        f"confirming ran out of confirmation links ({len(links)}) before {self.seconds:g} s; "
                        "its req/s is over the time it ran"
                    )
                self.check_freshness(site)
            else:
                mails = len(list((WORKDIR / "mail").iterdir()))
                self.skip(confirming, f"no confirmation links in {mails} e-mail files after signing")
        else:
            self.skip(confirming, self.reasons.get("sign", "signing did not run"))
        json_paths = [self.paths[key] for key in ("api-detail", "api") if key in self.paths][:1]
        if json_paths and read_paths:
            self.run_scenario(
                mixed,
                site,
                flow="mixed",
                mixed={"reads": read_paths, "json": json_paths, "sign_share": 0.1, "json_share": 0.45},
            )
        else:
            self.skip(mixed, self.reasons.get("sign") or self.reasons.get("api", "no petition JSON"))

    def wait_for_mail(self, expected: int, timeout: float = 120) -> list[str]:
        """Let the task worker send the confirmation e-mails; stop when all came or none came for 15 s."""
        deadline = time.monotonic() + timeout
        links, last_change, seen = [], time.monotonic(), -1
        while time.monotonic() < deadline:
            links = confirm_links(WORKDIR / "mail")
            if len(links) >= expected:
                break
            if len(links) != seen:
                seen, last_change = len(links), time.monotonic()
            elif time.monotonic() - last_change > 15:
                break
            time.sleep(1)
        log(f"  {len(links)} confirmation links for {expected} accepted signatures")
        return links

    def check_freshness(self, site: servers.Process) -> None:
        """How long after the last confirmation the public count shows every confirmed signature.

        A thread polls the public JSON twice a second from the moment the load stops, while the probe
        counts the confirmed rows (which no longer change); the lag is the first poll that agrees.
        """
        name = "public count = confirmed rows (≤ 10 s after the load)"
        samples: list[tuple[float, int | None]] = []
        started = time.monotonic()
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set() and time.monotonic() - started < 90:
                samples.append((time.monotonic() - started, self.public_count(site)))
                stop.wait(0.5)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        try:
            confirmed = self.counts().get("confirmed")
            if confirmed is None:
                self.check(name, None, "no confirmed count")
                return
            while time.monotonic() - started < 90:
                agreeing = [lag for lag, public in list(samples) if public == confirmed]
                if agreeing:
                    lag = agreeing[0]
                    self.check(name, lag <= 10, f"{confirmed} public = confirmed {lag:.1f} s after the load")
                    return
                if samples and samples[-1][1] is None:
                    self.check(name, None, "the petition JSON has no count")
                    return
                time.sleep(0.5)
            last = samples[-1][1] if samples else None
            self.check(name, False, f"public {last}, confirmed {confirmed} after 90 s")
        finally:
            stop.set()
            poller.join(5)

    def check(self, name: str, ok: bool | None, detail: str) -> None:
        if self.data_size != "demo":
            name = f"{name} [full size]"
        self.checks.append({"name": name, "ok": ok, "detail": detail})
        log(f"  check {name}: {ok} ({detail})")

    def run_scale(self) -> None:
        log("filling full-size data (BENCH_SCALE=1)")
        stats = json.loads(self.manage(module="bench.scale_data", stream=True).strip().splitlines()[-1])
        self.scale_stats = stats
        self.data_size = "full"
        self.discover()
        if stats.get("largest_petition_url"):  # read and sign the 500,000-signature petition
            self.discovered["pages"]["petition"] = {
                "url": stats["largest_petition_url"],
                "pk": stats["largest_petition_pk"],
            }
            self.paths["petition"] = stats["largest_petition_url"]
            if "api" in self.paths:  # the API's own path scheme: <list>/<id>/ (checked to answer 200)
                self.paths["api-detail"] = f"{self.paths['api']}{stats['largest_petition_pk']}/"
            self.reasons.pop("sign", None)
        self.run_warm()
        self.run_cold()
        self.export_memory(stats.get("largest_petition_pk"))

    def export_memory(self, pk) -> None:
        if pk is None:
            self.export = {"reason": "no petition with signatures"}
            return
        env = self.site_env()
        idle = _peak_rss_of([PYTHON, "-m", "bench.probe", "idle"], env)
        peak = _peak_rss_of([PYTHON, "-m", "bench.probe", "export", str(pk)], env)
        if "reason" in peak["result"]:
            self.export = peak["result"]
            return
        self.export = {**peak["result"], "idle_mib": idle["mib"], "peak_mib": peak["mib"]}
        self.export["above_idle_mib"] = round(peak["mib"] - idle["mib"], 1)

    # Results ----------------------------------------------------------------------------------------------
    def result(self, started_at: str) -> dict:
        return {
            "engine": self.engine,
            "database": self.discovered.get("database", {"version": self.engine}),
            "started_at": started_at,
            "finished_at": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            "seconds_per_scenario": self.seconds,
            "data_size": "demo and full size (BENCH_SCALE=1)"
            if self.scale
            else "demo only (BENCH_SCALE=1 adds full size)",
            "machine": machine_info(),
            "server": {"workers": servers.WORKERS, "flags": servers.GUNICORN_FLAGS, "cache": self.cache_url},
            "apps": self.discovered.get("apps", []),
            "rows": self.rows,
            "checks": self.checks,
            "page_weight": getattr(self, "page_weight", {}),
            "queries": self.queries,
            "staff_queries": self.staff_queries,
            "memory": self.memory,
            "export": getattr(self, "export", None),
            "scale": getattr(self, "scale_stats", None),
            "notes": self.notes,
        }

    def main(self) -> None:
        started_at = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        began = time.monotonic()
        if not load.wrk_available() and os.geteuid() == 0 and os.environ.get("BENCH_INSTALL_WRK", "1") == "1":
            log("wrk is missing: bin/install-wrk (Debian's package)")
            subprocess.run([str(ROOT / "bin" / "install-wrk")], check=False, capture_output=True)
        if not load.wrk_available():
            self.notes.append(
                "wrk is not installed (bin/install-wrk): the Python generator drove the GET rows too"
            )
        try:
            self.prepare()
            self.run_baseline()
            self.run_warm()
            self.run_cold()
            pk = self.discovered["pages"].get("petition", {}).get("pk")
            if pk is not None and not self.scale:
                self.export_memory(pk)
            if self.scale:
                self.run_scale()
            else:
                self.notes.append("demo-size data only; BENCH_SCALE=1 adds the full-size run")
        finally:
            self.stop_all()
            if self.engine == "postgresql" and os.environ.get("BENCH_KEEP") != "1":
                self.recreate_postgres_database(drop_only=True)
        run = self.result(started_at)
        report.write(RESULTS, run)
        log(
            f"wrote {RESULTS.relative_to(ROOT)}/latest.md and latest.json in {time.monotonic() - began:.0f} s"
        )


def cookie_header(cookies: dict) -> str:
    """``{"sessionid": "abc"}`` as a Cookie header's value."""
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def _peak_rss_of(command: list[str], env: dict) -> dict:
    popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = popen.stdout.read()
    _, _, usage = os.wait4(popen.pid, 0)
    popen.returncode = 0
    lines = output.decode().strip().splitlines()
    return {"mib": round(usage.ru_maxrss / 1024, 1), "result": json.loads(lines[-1]) if lines else {}}


def main() -> None:
    def terminate(signum, frame):
        raise SystemExit(f"bench: stopped by signal {signum}")

    signal.signal(signal.SIGTERM, terminate)
    with open(LOCK_FILE, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"another benchmark is running ({LOCK_FILE}); waiting for it to finish")
            fcntl.flock(lock, fcntl.LOCK_EX)
        Bench().main()


if __name__ == "__main__":
    main()
