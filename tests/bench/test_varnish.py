from bench.run import Bench
from bench.scenarios import SCENARIOS
from bench.varnish import VCL, vcl_for


def test_bench_only_varnish_runs_the_two_varnish_rows_and_starts_no_other_site(monkeypatch):
    monkeypatch.setenv("BENCH_ONLY", "varnish")
    bench = Bench()
    assert [s.name for s in SCENARIOS if bench.selected(s)] == [
        "petition direct (varnish run)",
        "petition through varnish",
    ]
    assert not bench.wanted("reading", "api", "signing", "confirming", "mixed", "reading-cold", "staff-cold")


def test_reads_through_varnish_are_judged_against_the_direct_reads_of_the_same_run():
    through = next(s for s in SCENARIOS if s.name == "petition through varnish")
    assert through.baseline == "petition direct (varnish run)"
    assert through.target.check({"ratio": 3.2}) is True
    assert through.target.check({"ratio": 2.9}) is False


def test_the_bench_points_the_deploy_vcl_at_its_own_gunicorn_and_changes_nothing_else():
    deployed = VCL.read_text()
    pointed = vcl_for(41234)
    assert '.port = "41234";' in pointed
    assert pointed.replace('"41234"', '"8000"') == deployed
