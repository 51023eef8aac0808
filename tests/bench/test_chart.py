from bench.chart import ratio_chart


def _run(*rows):
    return {"rows": [{"data": "demo", "status": "ok", **row} for row in rows]}


def test_a_row_short_of_its_target_is_hatched_and_one_that_meets_it_is_solid():
    svg = ratio_chart(
        {
            "sqlite": _run({"name": "read petition", "ratio": 1.1}, {"name": "signing", "ratio": 0.3}),
            "postgresql": _run({"name": "read petition", "ratio": 0.5}),
        }
    )

    assert svg.startswith("<svg")
    assert "read petition, sqlite: 1.10 × (target 0.8 ×)" in svg
    assert 'fill="url(#short-postgresql)"' in svg  # 0.5 < 0.8
    assert 'fill="url(#short-sqlite)"' in svg  # signing 0.3 < 0.6
    assert svg.count("<title>read petition") == 2


def test_rows_without_a_ratio_target_or_at_full_size_are_left_out():
    assert ratio_chart({"sqlite": _run({"name": "api list", "ratio": 0.5})}) == ""
    assert ratio_chart({"sqlite": {"rows": [{"name": "signing", "ratio": 0.9, "data": "full"}]}}) == ""
