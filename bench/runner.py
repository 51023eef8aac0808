"""One scenario into one row: which scenarios this run selects, where each points, and running it through
``wrk`` or the Python generator with the server's CPU, the ratio to its baseline and its target.

``ScenarioRunner`` is a part of ``bench.run.Bench``.
"""

import time

from . import load, servers
from .load import cookie_header
from .scenarios import SCENARIOS, Scenario
from .stats import ratio
from .workspace import PYTHON, log


class ScenarioRunner:
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
