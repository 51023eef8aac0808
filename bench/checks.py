"""What a run checks besides speed: stored rows against accepted posts, the public count catching up with the
confirmed rows, page weight, and the memory an export takes.

``Checks`` is a part of ``bench.run.Bench``.
"""

import email
import json
import os
import re
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import pageweight, servers
from .scenarios import READ_PAGES
from .workspace import PYTHON, ROOT, WORKDIR, log

MAIL_SEPARATOR = b"-" * 79
ANNEX_SYNTHETIC_ROWS = 500_000  # the largest petition: the writer is timed at this size on every run


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


class Checks:
    """Correctness, page weight and memory, recorded in the run's ``checks``, ``page_weight`` and ``export``."""

    def measure_page_weights(self, site: servers.Process) -> None:
        """The bytes each public page type costs a first visitor (demo-size data only)."""
        self.page_weight = {}
        for key in READ_PAGES:
            if key in self.paths:
                weight = pageweight.measure_page(site.url, self.paths[key])
                if weight["status"] != 200:
                    weight = {"reason": f"GET {self.paths[key]} returned {weight['status']}"}
                elif weight["failed"]:
                    failed = ", ".join(f"{item['url']} ({item['status']})" for item in weight["failed"])
                    self.notes.append(f"page weight of {key}: failed sub-requests: {failed}")
                self.page_weight[key] = weight
            else:
                self.page_weight[key] = {"reason": self.reasons.get(key, "no page")}

    def counts(self) -> dict:
        pk = self.discovered["pages"].get("petition", {}).get("pk")
        if pk is None:
            return {"reason": "the petition is not a page the bench can count"}
        return self.probe("petition-counts", str(pk))

    def public_count(self, site: servers.Process) -> int | None:
        """The count the JSON API shows for the petition the run signs (not whichever the list names first)."""
        pk = self.discovered["pages"].get("petition", {}).get("pk")
        paths = []
        if pk is not None and "api" in self.paths:
            paths.append(f"{urlsplit(self.paths['api']).path.rstrip('/')}/{pk}/")
        paths += [self.paths[key] for key in ("api-detail", "api") if key in self.paths]
        for path in paths:
            if path:
                status, body = self.get(site, path)
                if status == 200:
                    try:
                        return first_count(json.loads(body))
                    except ValueError:
                        return None
        return None

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

    def measure_annex(self, pk=None) -> None:
        """The dossier's signer annex (``bench/annex.py``), each in a fresh process: of petition ``pk`` (by default
        the one with the most counted signatures) read from the database, and of 500,000 made-up signers; and the
        dossier itself of that petition (``bench/dossier.py``).
        ``BENCH_ONLY`` without "annex" leaves it out."""
        if self.only and not any(word in "signer annex" for word in self.only):
            return
        log(f"signer annex [{self.data_size}]")
        env = self.site_env()
        runs = {
            "petition": ["petition", str(pk or "largest")],
            "synthetic": ["synthetic", str(ANNEX_SYNTHETIC_ROWS)],
        }
        self.annex = {"data": self.data_size}
        for key, args in runs.items():
            result = _peak_rss_of([PYTHON, "-m", "bench.annex", *args], env)["result"]
            self.annex[key] = result or {"reason": f"python -m bench.annex {' '.join(args)} failed"}
        dossier = _peak_rss_of([PYTHON, "-m", "bench.dossier", str(pk or "largest")], env)["result"]
        self.annex["dossier"] = dossier or {"reason": "python -m bench.dossier failed"}


def _peak_rss_of(command: list[str], env: dict) -> dict:
    popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = popen.stdout.read()
    _, _, usage = os.wait4(popen.pid, 0)
    popen.returncode = 0
    lines = output.decode().strip().splitlines()
    return {"mib": round(usage.ru_maxrss / 1024, 1), "result": json.loads(lines[-1]) if lines else {}}
