"""Start and stop the servers under test (gunicorn, the task worker) and read their memory and CPU.

Every server listens on 127.0.0.1 only and runs in its own process group, so that ``stop`` ends it and
every child it made, and nothing else.
"""

import http.client
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

# One set of gunicorn flags for the site and the baseline alike: the comparison is only fair if it is the same.
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GUNICORN_FLAGS = [
    "--workers",
    str(WORKERS),
    "--worker-class",
    "sync",
    "--backlog",
    "2048",
    "--timeout",
    "60",
    "--graceful-timeout",
    "5",
    "--log-level",
    "warning",
    "--access-logfile",
    "/dev/null",
]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Process:
    """A process group we started: a gunicorn master and its workers, or the task worker."""

    name: str
    popen: subprocess.Popen
    log_path: Path
    port: int | None = None
    peaks: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def workers(self) -> list[int]:
        return children(self.popen.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU of the master and its live workers since they started."""
        return sum(cpu_seconds(pid) for pid in [self.popen.pid, *self.workers()])

    def record_peaks(self) -> dict:
        """Peak resident memory (VmHWM, MiB) of every process in the group; kept across calls."""
        for number, pid in enumerate([self.popen.pid, *sorted(self.workers())]):
            role = ("master" if self.port else "process") if number == 0 else f"worker {number}"
            peak = peak_rss_mib(pid)
            if peak is not None:
                self.peaks[role] = max(peak, self.peaks.get(role, 0.0))
        return self.peaks

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.record_peaks()
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
            except ProcessLookupError:
                pass


def start_gunicorn(name: str, wsgi: str, *, env: dict, workdir: Path, cwd: Path, python: str) -> Process:
    port = free_port()
    log_path = workdir / f"{name}.log"
    command = [
        python,
        "-m",
        "gunicorn",
        wsgi,
        "--bind",
        f"127.0.0.1:{port}",
        *GUNICORN_FLAGS,
        "--error-logfile",
        str(log_path),
    ]
    popen = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("ab"),
        start_new_session=True,
    )
    return Process(name=name, popen=popen, log_path=log_path, port=port)


def start_process(name: str, command: list[str], *, env: dict, workdir: Path, cwd: Path) -> Process:
    log_path = workdir / f"{name}.log"
    popen = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=log_path.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return Process(name=name, popen=popen, log_path=log_path)


def wait_until_up(server: Process, path: str = "/healthz", timeout: float = 60) -> None:
    """Wait until ``path`` answers 200 and every worker has booted; raise with the log tail if it never does."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if not server.alive():
            break
        try:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200 and len(server.workers()) >= WORKERS:
                return
            last = f"HTTP {response.status}"
        except OSError as error:
            last = str(error)
        time.sleep(0.2)
    tail = server.log_path.read_text(errors="replace")[-3000:] if server.log_path.exists() else ""
    raise RuntimeError(f"{server.name} did not come up on {path} ({last}). Log tail:\n{tail}")


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        return [int(child) for child in text.split()]
    except OSError:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
        return found


def peak_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # After the command name: state is field 3, utime field 14 and stime field 15 (1-based, man proc).
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
