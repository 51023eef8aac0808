"""Reads through a real Varnish in front of the same gunicorn, and how long a publish takes to show through it.

Debian's ``varnishd`` (``bin/install-varnish``; without it the rows say "not available") runs
``deploy/varnish/phakhi.vcl`` with its backend pointed at the site's gunicorn: its own port, its own working
directory (``-n`` under the bench workspace), ``-s malloc``, stopped by pid at the end. In the same phase:

- "petition direct" reads the petition page from gunicorn (page cache warm), "petition through varnish" the
  same page through Varnish; the second's ratio is over the first (target ≥ 3 ×);
- the purge delay: the probe publishes the petition with a new title through Wagtail's publish
  (``bench.probe publish``), whose ban reaches Varnish once committed (``VARNISH_URL``); a thread polls
  the page through Varnish from before the publish, and the delay is from the moment the publish began to the first
  read with the new title (target ≤ 2 s).

The site here uses a cache the probe shares (the bench's ``CACHE_URL`` unless it is process memory, then a
file cache in the workspace), since the publishing process must make the workers' copies stale as well.

``VarnishRun`` is a part of ``bench.run.Bench``.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

from . import servers
from .workspace import ROOT, WORKDIR, log

VCL = ROOT / "deploy" / "varnish" / "phakhi.vcl"
PURGE_TARGET_SECONDS = 2.0


def varnishd_path() -> str | None:
    found = shutil.which("varnishd") or "/usr/sbin/varnishd"
    return found if Path(found).exists() else None


def vcl_for(backend_port: int) -> str:
    """The deploy VCL with its backend pointed at ``backend_port``, and nothing else changed."""
    return re.sub(r'(\.port = )"\d+";', rf'\1"{backend_port}";', VCL.read_text(), count=1)


def start_varnish(backend_port: int) -> servers.Process:
    """varnishd in the foreground of its own process group, with the deploy VCL pointed at ``backend_port``."""
    workdir = WORKDIR / "varnish"
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "phakhi.vcl"
    vcl.write_text(vcl_for(backend_port))
    port = servers.free_port()
    log_path = WORKDIR / "varnish.log"
    command = [
        varnishd_path(),
        "-F",  # foreground: this process group is varnishd's, and stopping it stops its child too
        "-j",
        "none",  # no privilege separation: the workspace is the bench user's
        "-n",
        str(workdir),
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(vcl),
        "-s",
        "malloc,256m",
    ]
    popen = subprocess.Popen(
        command, stdout=log_path.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
    )
    return servers.Process(name="varnish", popen=popen, log_path=log_path, port=port)


class VarnishRun:
    def run_varnish(self) -> None:
        scenarios = [scenario for scenario in self.group("varnish") if self.selected(scenario)]
        wants_purge = not self.only or any(word in "publish through varnish" for word in self.only)
        if not scenarios and not wants_purge:
            return
        if varnishd_path() is None:
            for scenario in scenarios:
                self.skip(scenario, "varnishd is not installed (bin/install-varnish)")
            self.check("publish visible through Varnish (≤ 2 s)", None, "varnishd is not installed")
            return
        shared = (
            self.cache_url if not self.cache_url.startswith("locmem") else f"file://{WORKDIR}/shared-cache"
        )
        log(f"site behind Varnish, cache {shared} [{self.data_size}]")
        site = self.start_or_skip("site-varnish", shared, ("varnish",))
        if site is None:
            return
        try:
            varnish = start_varnish(site.port)
            self.processes.append(varnish)
            self.wait_for_varnish(varnish)
            path = self.paths.get("petition")
            for _ in range(4 * servers.WORKERS):
                self.get(site, path)
                self.get(varnish, path)
            for scenario in scenarios:
                self.run_scenario(scenario, varnish if scenario.server == "varnish" else site)
            if wants_purge and path:
                self.measure_purge_delay(varnish, path, shared)
        except RuntimeError as error:
            self.notes.append(f"Varnish: {error}")
        finally:
            self.stop_all()

    def wait_for_varnish(self, varnish: servers.Process, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and varnish.alive():
            try:
                if self.get(varnish, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        tail = varnish.log_path.read_text(errors="replace")[-2000:] if varnish.log_path.exists() else ""
        raise RuntimeError(f"varnishd did not come up: {tail}")

    def measure_purge_delay(self, varnish: servers.Process, path: str, cache_url: str) -> None:
        """From the moment the publish began to the first read through Varnish that shows the new title."""
        name = f"publish visible through Varnish (≤ {PURGE_TARGET_SECONDS:g} s)"
        marker = f"bench-{self.run_id}-{int(time.time())}"
        samples: list[tuple[float, bool]] = []
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                try:
                    _, body = self.get(varnish, path)
                    samples.append((time.time(), marker.encode() in body))
                except OSError:
                    pass
                stop.wait(0.05)

        hit = self.varnish_hit(varnish, path)
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        try:
            env = self.site_env(cache_url)
            env["VARNISH_URL"] = varnish.url
            published = self.probe(
                "publish", str(self.discovered["pages"]["petition"]["pk"]), marker, env=env
            )
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not any(
                seen and at >= published["started_at"] for at, seen in list(samples)
            ):
                time.sleep(0.05)
        finally:
            stop.set()
            poller.join(5)
        shown = [at for at, seen in samples if seen]
        if not shown:
            self.check(name, False, f"the new title did not show through Varnish within 15 s; {hit}")
            return
        delay = max(0.0, shown[0] - published["started_at"])
        self.check(name, delay <= PURGE_TARGET_SECONDS, f"{delay:.2f} s after the publish began; {hit}")

    def varnish_hit(self, varnish: servers.Process, path: str) -> str:
        """What Varnish said of a repeat read before the publish (X-Cache, Age)."""
        connection = http.client.HTTPConnection("127.0.0.1", varnish.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return f"a repeat read before it: X-Cache {response.getheader('X-Cache')}, Age {response.getheader('Age')} s"
        finally:
            connection.close()
