import pytest

from bench.stats import percentile, ratio, summarize


def test_percentiles_are_latencies_a_client_really_saw():
    latencies = [float(n) for n in range(1, 101)]
    assert percentile(latencies, 50) == 50
    assert percentile(latencies, 95) == 95
    assert percentile(latencies, 99) == 99
    assert percentile(latencies, 100) == 100


def test_a_single_sample_is_every_percentile():
    assert percentile([7.5], 50) == percentile([7.5], 99) == 7.5


def test_percentiles_ignore_the_order_samples_arrived_in():
    assert percentile([30, 10, 20], 50) == 20


def test_no_samples_means_no_percentile():
    assert percentile([], 95) is None


def test_a_percentile_outside_the_range_is_refused():
    with pytest.raises(ValueError):
        percentile([1], 0)


def test_summary_counts_requests_per_second_over_the_run():
    summary = summarize([10.0] * 50, seconds=5, errors=2)
    assert summary["rps"] == 10
    assert summary["errors"] == 2
    assert summary["p50_ms"] == summary["p99_ms"] == 10


def test_ratio_to_a_missing_or_zero_baseline_is_unknown():
    assert ratio(80, 100) == 0.8
    assert ratio(80, 0) is None
    assert ratio(None, 100) is None
