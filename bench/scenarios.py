"""Every scenario the bench drives, declared in one table.

A scenario names the server it runs against (``baseline``, the site with its caches warm as a repeat
visitor finds them, or the site with every cache cold), the page or flow, the load generator, the
concurrency, the baseline row its throughput is compared with, and the issue's target for it. A scenario
whose page does not exist yet is not an error: ``bench/run.py`` writes it as "not available: <reason>".

The staff rows ("cold dashboard", "cold inbox") read the admin as a member of the Secretariat group: the
probe signs one in and the generator sends its session cookie. "Cold" means what it means for the cold read
rows: the site runs with ``CACHE_URL=dummy://`` (freshly started after the data was loaded), so no request
finds anything a previous one cached, and the admin has no page cache in any case. Each worker has shown the
screen a couple of times before the clock starts, so that the row measures reading the data, not compiling
templates; then one client sends requests one after another for the scenario's time, and the row's p95 is
over all of them. Beside it the row gives the SQL queries of one view and the first view's time in a fresh
process (``bench.probe staff-queries``), which is what compiling the templates costs once per worker.
"""

from dataclasses import dataclass

READ_PAGES = ("home", "about", "campaign", "petition", "story", "partners", "partner")
STAFF_PAGES = ("dashboard", "dashboard-year", "inbox")
HIGH = 16  # clients at once for throughput


@dataclass(frozen=True)
class Target:
    """What the issue asks of a scenario; any field left None is not asked."""

    min_ratio: float | None = None
    min_rps: float | None = None
    max_p95_ms: float | None = None
    zero_errors: bool = False
    zero_queries_on_hit: bool = False

    def describe(self) -> str:
        parts = []
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio} × baseline")
        if self.min_rps is not None:
            parts.append(f"≥ {self.min_rps:g}/s")
        if self.max_p95_ms is not None:
            parts.append(f"p95 ≤ {self.max_p95_ms:g} ms")
        if self.zero_errors:
            parts.append("0 errors")
        if self.zero_queries_on_hit:
            parts.append("0 SQL on a hit")
        return ", ".join(parts)

    def check(self, row: dict) -> bool | None:
        """Whether ``row`` meets every part of the target (None when nothing could be measured)."""
        verdicts = []
        if self.min_ratio is not None:
            verdicts.append(None if row.get("ratio") is None else row["ratio"] >= self.min_ratio)
        if self.min_rps is not None:
            verdicts.append(row.get("rps", 0) >= self.min_rps)
        if self.max_p95_ms is not None:
            verdicts.append(None if row.get("p95_ms") is None else row["p95_ms"] <= self.max_p95_ms)
        if self.zero_errors:
            verdicts.append(row.get("errors_all_kinds", row.get("errors", 0)) == 0)
        if self.zero_queries_on_hit:
            queries = row.get("queries_on_hit")
            verdicts.append(None if queries is None else queries == 0)
        if False in verdicts:
            return False
        if not verdicts or None in verdicts:
            return None
        return True


@dataclass(frozen=True)
class Scenario:
    name: str
    group: (
        str  # baseline | reading | reading-cold | staff-cold | api | signing | confirming | mixed | varnish
    )
    server: str  # baseline | site | site-cold | varnish
    flow: str  # get | post | sign | confirm | mixed
    concurrency: int
    generator: str  # wrk | python
    page: str | None = None  # a key of the discovered pages, or "api" / "api-detail"
    path: str | None = None  # a fixed path (the baseline's views)
    baseline: str | None = None  # name of the baseline scenario its throughput is divided by
    target: Target | None = None
    at_scale: bool = True  # run again on the full-size data when BENCH_SCALE=1
    staff: bool = False  # signed in as a member of the Secretariat group


REPEAT = Target(min_ratio=0.8, zero_queries_on_hit=True)
SIGNING = Target(min_ratio=0.6, min_rps=150, zero_errors=True)

SCENARIOS: list[Scenario] = [
    # The ceiling, through both load generators, so every ratio compares like with like.
    Scenario("baseline ok", "baseline", "baseline", "get", HIGH, "wrk", path="/ok", at_scale=False),
    Scenario("baseline insert", "baseline", "baseline", "post", HIGH, "wrk", path="/insert", at_scale=False),
    Scenario(
        "baseline ok (python)", "baseline", "baseline", "get", HIGH, "python", path="/ok", at_scale=False
    ),
    Scenario(
        "baseline insert (python)",
        "baseline",
        "baseline",
        "post",
        HIGH,
        "python",
        path="/insert",
        at_scale=False,
    ),
    # Repeat visitors: whatever caching the site does, warm.
    *[
        Scenario(
            f"read {page}",
            "reading",
            "site",
            "get",
            HIGH,
            "wrk",
            page=page,
            baseline="baseline ok",
            target=REPEAT,
        )
        for page in READ_PAGES
    ],
    Scenario("api list", "api", "site", "get", HIGH, "wrk", page="api", baseline="baseline ok"),
    Scenario("api petition", "api", "site", "get", HIGH, "wrk", page="api-detail", baseline="baseline ok"),
    # Every cache cold (the site started with CACHE_URL=dummy://): one client, then sixteen.
    *[
        Scenario(
            f"cold {page} ×1",
            "reading-cold",
            "site-cold",
            "get",
            1,
            "wrk",
            page=page,
            target=Target(max_p95_ms=100),
        )
        for page in READ_PAGES
    ],
    *[
        Scenario(
            f"cold {page} ×16",
            "reading-cold",
            "site-cold",
            "get",
            HIGH,
            "wrk",
            page=page,
            target=Target(max_p95_ms=400),
        )
        for page in READ_PAGES
    ],
    # The Secretariat's admin screens, every cache cold, one request at a time (the issue: under 300 ms cold).
    Scenario(
        "cold dashboard ×1",
        "staff-cold",
        "site-cold",
        "get",
        1,
        "wrk",
        page="dashboard",
        target=Target(max_p95_ms=300),
        staff=True,
    ),
    Scenario(
        "cold dashboard, a year ×1",
        "staff-cold",
        "site-cold",
        "get",
        1,
        "wrk",
        page="dashboard-year",
        target=Target(max_p95_ms=300),
        staff=True,
    ),
    Scenario("cold inbox ×1", "staff-cold", "site-cold", "get", 1, "wrk", page="inbox", staff=True),
    # Through a real Varnish (deploy/varnish/phakhi.vcl) in front of the same gunicorn: the petition page read
    # directly and through Varnish in the same run; the second is divided by the first (bench/varnish.py).
    Scenario(
        "petition direct (varnish run)",
        "varnish",
        "site",
        "get",
        HIGH,
        "wrk",
        page="petition",
        at_scale=False,
    ),
    Scenario(
        "petition through varnish",
        "varnish",
        "varnish",
        "get",
        HIGH,
        "wrk",
        page="petition",
        baseline="petition direct (varnish run)",
        target=Target(min_ratio=3.0),
        at_scale=False,
    ),
    # Writes through the real forms, then the mix.
    Scenario(
        "signing",
        "signing",
        "site",
        "sign",
        HIGH,
        "python",
        page="petition",
        baseline="baseline insert (python)",
        target=SIGNING,
    ),
    Scenario(
        "confirming",
        "confirming",
        "site",
        "confirm",
        HIGH,
        "python",
        page="petition",
        baseline="baseline insert (python)",
        target=Target(min_ratio=0.6, zero_errors=True),
    ),
    Scenario(
        "mixed", "mixed", "site", "mixed", HIGH, "python", page="petition", baseline="baseline ok (python)"
    ),
]
