from bench.capacity import capacity_markdown, per_core, surge


def _row(name: str, cpu_ms: float) -> dict:
    return {"name": name, "data": "demo", "status": "ok", "server_cpu_ms_per_request": cpu_ms}


ROWS = [_row("signing", 2.0), _row("confirming", 1.0), _row("read petition", 1.0), _row("baseline ok", 0.5)]


def test_a_core_answers_a_thousand_over_the_cpu_milliseconds_a_request_costs():
    cores = per_core(ROWS)

    assert cores["signatures"] == 500
    assert cores["bare ok (baseline)"] == 2000
    assert "confirmations" in cores


def test_a_surge_of_ten_thousand_a_minute_needs_its_cpu_at_sixty_percent_and_queues_mail_past_the_providers_rate():
    need = surge(ROWS, 10_000, mail_rate=100.0)

    # 166.7 signers a second × (2 + 1 + 1) ms = 0.67 core, at 60% → 2 cores; behind a cache (no read) 0.83 → 1
    assert need["web_cores"] == 2
    assert need["web_cores_behind_cache"] == 1
    assert round(need["database_writes_per_second"]) == 333
    # 66.7 e-mails a second more than the provider takes, for ten minutes
    assert round(need["mail_backlog"]) == 40_000
    assert round(need["last_email_late_minutes"]) == round(40_000 / 100 / 60)


def test_the_model_is_left_out_of_the_report_when_the_run_measured_no_server_cpu():
    assert capacity_markdown({"rows": [{"name": "signing", "status": "ok", "data": "demo"}]}) == ""
    assert surge([_row("signing", 2.0)], 1000, mail_rate=14) is None


def test_the_report_shows_both_tables_from_the_runs_rows():
    text = capacity_markdown({"engine": "sqlite", "rows": ROWS})

    assert "| signatures | 500 |" in text
    assert "| 60,000 | 1,000 |" in text
