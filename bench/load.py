"""Drive a scenario for a fixed time at a fixed concurrency, and measure the load generator's own CPU.

GET scenarios use ``wrk`` (C, one thread, far lighter than Python on a 2-core machine where the generator
competes with the server). Flows that need a CSRF token per visitor and distinct signers use the Python
generator in ``bench/pyload.py``. Either way the generator is a child process we wait for with
``os.wait4``, so its CPU time comes from the kernel, not from its own account.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRK_SCRIPT = HERE / "wrk_report.lua"


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def _run_measured(command: list[str], *, env: dict | None = None, timeout: float) -> tuple[int, float, str]:
    """Run ``command``; return its exit code, its CPU seconds (user + system, from wait4) and its stderr."""
    with tempfile.TemporaryFile() as stderr:
        popen = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        watchdog = threading.Timer(timeout, popen.kill)  # every load loop is bounded in time
        watchdog.start()
        try:
            _, status, usage = os.wait4(popen.pid, 0)
        except BaseException:
            popen.kill()
            popen.wait()
            raise
        finally:
            watchdog.cancel()
        popen.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        return popen.returncode, usage.ru_utime + usage.ru_stime, stderr.read().decode(errors="replace")


def run_wrk(
    url: str, *, seconds: float, concurrency: int, method: str = "GET", headers: dict | None = None
) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "wrk.json"
        env = {**os.environ, "WRK_REPORT": str(report), "WRK_METHOD": method}
        command = [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(int(round(seconds)), 1)}s",
            "--timeout",
            "10s",
            *[part for name, value in (headers or {}).items() for part in ("-H", f"{name}: {value}")],
            "-s",
            str(WRK_SCRIPT),
            url,
        ]
        code, cpu, stderr = _run_measured(command, env=env, timeout=seconds + 30)
        if code != 0 or not report.exists():
            raise RuntimeError(f"wrk failed ({code}): {stderr[-500:]}")
        raw = json.loads(report.read_text())
    duration = raw["duration_us"] / 1e6
    failures = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    successes = raw["requests"] - raw["status"]
    return {
        "generator": "wrk",
        "requests": raw["requests"],
        "errors": failures,
        "error_detail": {
            key: raw[key] for key in ("connect", "read", "write", "status", "timeout") if raw[key]
        },
        "seconds": round(duration, 3),
        "rps": round(successes / duration, 1) if duration else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "generator_cpu_s": round(cpu, 2),
        "generator_cpu_pct": round(100 * cpu / duration, 1) if duration else None,
    }


def run_python(spec: dict, *, python: str = sys.executable) -> dict:
    """Run ``bench.pyload`` with ``spec`` (see its docstring) and return its summary plus its own CPU."""
    with tempfile.TemporaryDirectory() as scratch:
        spec_path, out_path = Path(scratch) / "spec.json", Path(scratch) / "out.json"
        spec_path.write_text(json.dumps(spec))
        command = [python, "-m", "bench.pyload", str(spec_path), str(out_path)]
        code, cpu, stderr = _run_measured(
            command, env={**os.environ, "PYTHONPATH": str(HERE.parent)}, timeout=spec["seconds"] + 60
        )
        if code != 0 or not out_path.exists():
            raise RuntimeError(f"python load generator failed ({code}): {stderr[-1500:]}")
        result = json.loads(out_path.read_text())
    result["generator"] = "python"
    result["generator_cpu_s"] = round(cpu, 2)
    result["generator_cpu_pct"] = round(100 * cpu / result["seconds"], 1) if result["seconds"] else None
    return result


def cookie_header(cookies: dict) -> str:
    """``{"sessionid": "abc"}`` as a Cookie header's value."""
    return "; ".join(f"{name}={value}" for name, value in cookies.items())
