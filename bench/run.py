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
   Then the petition page through a real Varnish (``deploy/varnish/phakhi.vcl``, Debian's varnishd started
   by the bench) in front of the same gunicorn, against the same page read directly, and the delay before a
   publish shows through Varnish (``bench/varnish.py``).
4. Checks after the writes: rows stored = accepted posts, no request failed, the public count catches up
   with the confirmed rows (and how long that took). Page weight of each public page type, SQL queries of
   a repeat view, peak RSS of every worker; the CSV export and the delivery dossier's signer annex of the
   largest petition, and the annex of 500,000 made-up signers (``bench/annex.py``), each in a fresh process.
5. ``bench/results/<engine>.json``, then ``latest.json`` and ``latest.md`` combining the newest run of
   each engine.

One run at a time per machine: a second one waits for the first to finish (they would share the
database ``phakhi_bench`` and the two cores). Other knobs: ``BENCH_SCALE_SIGNATURES`` (1,000,000) and friends (see ``bench/scale_data.py``),
``BENCH_URL_<PAGE>`` to point a scenario at a given path (``BENCH_URL_PETITION=/th/...``), ``BENCH_KEEP=1``
to keep the PostgreSQL database afterwards, ``BENCH_ONLY=word,word`` to run only scenarios whose name
contains one of the words (a server none of them needs is not started: ``BENCH_ONLY=dashboard,baseline``
runs the baseline and the dashboard's rows only).

This module runs the phases in order; the set-up (environment, workspace, servers, pages found) is
``bench/workspace.py``, one scenario into one row is ``bench/runner.py``, the checks (rows, freshness, page
weight, memory) are ``bench/checks.py`` and the tables are written by ``bench/report.py``.
"""

import fcntl
import json
import os
import secrets
import signal
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import load, report, servers
from .checks import Checks
from .runner import ScenarioRunner
from .scenarios import READ_PAGES
from .varnish import VarnishRun
from .workspace import ROOT, WORKDIR, Workspace, log, machine_info

RESULTS = ROOT / "bench" / "results"
LOCK_FILE = Path(tempfile.gettempdir()) / "phakhi-bench.lock"


class Bench(Workspace, ScenarioRunner, Checks, VarnishRun):
    """One run: its set-up (``Workspace``), its rows (``ScenarioRunner``), its checks (``Checks``) and the reads
    through Varnish (``VarnishRun``)."""

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
                self.measure_page_weights(site)
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
            warmed: set = set()
            for scenario in self.group("reading-cold"):
                path = self.paths.get(scenario.page)
                if self.selected(scenario) and path and path not in warmed:
                    self.warm(site, path)  # the rows measure the renders after each worker's first
                    warmed.add(path)
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
                self.warm(site, path, cookies=session["cookie"])  # each worker's first view is not the data's
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
        self.measure_annex(stats.get("largest_petition_pk"))

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
            "annex": getattr(self, "annex", None),
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
            self.run_varnish()
            pk = self.discovered["pages"].get("petition", {}).get("pk")
            if pk is not None and not self.scale:
                self.export_memory(pk)
            if not self.scale:
                self.measure_annex()
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
