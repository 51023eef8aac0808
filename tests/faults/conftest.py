"""The fault stack, started once for the session, and the logs attached to any test that fails.

These tests run only when asked for by marker (``make faults`` runs ``pytest -m faults``): they start servers and
take minutes, so a plain ``pytest`` skips them even where ``-m "not faults"`` was forgotten.
"""

import pytest

from .stack import Stack

FAULTS_DIR = __file__.rsplit("/", 1)[0]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = "faults" in (config.getoption("markexpr") or "") and "not faults" not in config.getoption(
        "markexpr"
    )
    skip = pytest.mark.skip(reason="fault tests start their own servers: run them with `make faults`")
    for item in items:
        if str(item.path).startswith(FAULTS_DIR) and not asked:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def stack():
    stack = Stack()
    try:
        yield stack.up()
    finally:
        stack.down()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    started = item.funcargs.get("stack") if hasattr(item, "funcargs") else None
    if report.failed and isinstance(started, Stack):
        for name, text in started.log_tails().items():
            report.sections.append((f"{name} (last lines)", text))
    return report
