"""Issue 10's faults, each while 30 people sign: no signature stranded, no 500, the count right afterwards.

Run with ``make faults`` (``bin/faults``). Each test names its timeline in seconds after the first signer
starts; ``Trial.finish`` checks rows, e-mails, confirmation and the public count (see ``trial.py``).
"""

import time

import pytest

from .stack import progress, wait_until
from .trial import Trial

pytestmark = pytest.mark.faults

WORKER_RESTART_SECONDS = 2  # systemd's RestartSec and bin/run-dev's loop wait about this long


@pytest.fixture(scope="module")
def trials():
    return []


def run_outage(trial, trials, service, *, seconds: float, down: tuple[float, float]) -> None:
    """People sign for ``seconds`` while ``service`` of the stack is down from ``down[0]`` to ``down[1]`` seconds
    after the first starts (the report says ``service.stopping`` and ``service.started``); then the checks."""
    trials.append(trial)
    trial.begin(seconds=seconds)
    trial.at(down[0])
    trial.fault_begins(service.stopping)
    service.stop()
    trial.at(down[1])
    service.start()
    trial.recovered(service.started)
    trial.finish()


def test_signers_during_a_15_second_smtp_outage_each_get_one_email_once_it_is_back(stack, trials):
    trial = Trial(stack, "smtp", description="the SMTP server refuses connections for 15 s")
    run_outage(trial, trials, stack.sink, seconds=20, down=(2.5, 17.5))


def test_a_worker_killed_mid_batch_and_restarted_strands_no_one(stack, trials):
    trial = Trial(
        stack, "worker", description="the task worker is killed with kill -9 mid-batch, then restarted"
    )
    trials.append(trial)
    # A slow mail server: each confirmation takes a second, so a batch is still being sent when it is killed.
    trial.begin(seconds=3, mail_delay=1.0)
    recipients = {signer.email for signer in trial.crowd.signers}

    def sent() -> int:
        return sum(1 for item in stack.sink.received() if recipients & set(item.recipients))

    def mid_batch() -> bool:
        return sent() >= 3 and stack.sink.in_flight > 0

    wait_until(mid_batch, timeout=90, interval=0.05, what="the worker to be in the middle of a batch")
    so_far = sent()
    trial.fault_begins(
        f"kill -9 of worker pid {stack.worker.pid} while it sends: {so_far} sent, "
        f"{len(trial.crowd.accepted) - so_far} of the {len(trial.crowd.accepted)} accepted so far still owed"
    )
    stack.worker.kill9()
    time.sleep(WORKER_RESTART_SECONDS)
    stack.sink.delay = 0.0
    stack.start_worker()
    trial.recovered(f"worker restarted as pid {stack.worker.pid}")
    trial.finish()


def test_signers_during_a_20_second_database_outage_get_503_then_sign_and_are_all_mailed(stack, trials):
    trial = Trial(stack, "database", description="PostgreSQL is down for 20 s")
    trial.allow_503_while_down = True
    run_outage(trial, trials, stack.postgres, seconds=30, down=(5, 25))


def test_signers_during_a_20_second_cache_outage_sign_as_usual_and_are_all_mailed(stack, trials):
    trial = Trial(stack, "cache", description="Redis (CACHE_URL) is down for 20 s")
    run_outage(trial, trials, stack.redis, seconds=30, down=(5, 25))


def test_no_signer_got_a_second_confirmation_email_by_the_end_of_the_run(stack, trials):
    """A lease that runs out after the first send must not send again: look once more, minutes later."""
    received = stack.sink.received()
    repeated = {}
    for trial in trials:
        for signer in trial.crowd.signers if trial.crowd else []:
            count = sum(1 for item in received if signer.email in item.recipients)
            if count > 1:
                repeated[signer.email] = count
    progress(f"end of run: {len(received)} e-mails in the sink, {len(repeated)} signers with more than one")
    assert not repeated, f"signers who got more than one confirmation e-mail: {repeated}"
