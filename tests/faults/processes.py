"""The stack's plumbing: where the tools are, free ports, waiting, and a process started in its own group
and stopped by its own id.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

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
