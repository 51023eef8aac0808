"""One fault, tried as issue 10 describes it: 30 people sign around it, then rows, e-mails and counts are checked.

A test drives the timeline (``begin``, ``at``, ``fault_begins``, ``recovered``) and calls ``finish``, which
gathers every failure rather than stopping at the first, so one run reports the whole picture:

- every signature the site accepted (302 to the thank-you page) is stored, and not quarantined;
- each accepted signer has exactly one confirmation e-mail in the sink within two minutes of recovery;
- following the link (GET shows a button, POST confirms) confirms;
- the public count (``/api/petitions/<id>/``) equals the confirmed rows;
- no answer is a 500 (503 only where the test allows it, while the database is down);
- the worker and scheduler are still running (unless the test killed one on purpose).
"""

import time
from concurrent.futures import ThreadPoolExecutor

from .people import Crowd, Journal, Site, confirmation_links
from .stack import Stack, progress

PEOPLE = 30
MAIL_DEADLINE_SECONDS = 120  # "within two minutes of recovery"
COUNT_DEADLINE_SECONDS = 30
SETTLE_SECONDS = 3  # after the last first e-mail: long enough for a duplicate from the same batch to show
NORMAL = {200, 302, 303}


class Trial:
    def __init__(self, stack: Stack, fault: str, *, description: str):
        self.stack, self.fault, self.description = stack, fault, description
        self.petition = stack.petitions[fault]
        self.journal = Journal()
        self.site = Site(stack.base_url, self.journal)
        self.crowd: Crowd | None = None
        self.started = 0.0
        self.fault_at: float | None = None
        self.recovered_at: float | None = None
        self.failures: list[str] = []
        self.expect_processes_alive = True
        self.allow_503_while_down = False
        self.summary: dict = {}

    # --- The timeline ----------------------------------------------------------------------------------------------
    def begin(self, *, seconds: float, mail_delay: float = 0.0) -> None:
        """Start the crowd; ``mail_delay`` makes the SMTP sink take that long over each message."""
        self.stack.heal()  # what an earlier fault left down is that fault's failure, not this one's
        self.stack.sink.delay = mail_delay
        progress(f"== fault {self.fault}: {self.description}; {PEOPLE} people sign over {seconds:.0f}s")
        self.crowd = Crowd(self.site, self.petition, fault=self.fault, people=PEOPLE, seconds=seconds).start()
        self.started = time.monotonic()

    def at(self, seconds: float) -> None:
        """Sleep until ``seconds`` after the first signer started, telling the watcher how signing goes."""
        while (left := self.started + seconds - time.monotonic()) > 0:
            time.sleep(min(left, 5))
            progress(f"{self.fault}: {self.crowd.tried} tried, {len(self.crowd.accepted)} accepted so far")

    def fault_begins(self, what: str) -> None:
        """Call just before breaking the part: answers from then on fall in the fault."""
        self.fault_at = time.monotonic()
        self.journal.phase = "during"
        progress(
            f"{self.fault}: FAULT {what} ({self.crowd.tried} tried, {len(self.crowd.accepted)} accepted)"
        )

    def recovered(self, what: str) -> None:
        self.recovered_at = time.monotonic()
        self.journal.phase = "after"
        down = self.recovered_at - (self.fault_at or self.recovered_at)
        progress(f"{self.fault}: RECOVERED {what} after {down:.1f}s")

    # --- The checks ----------------------------------------------------------------------------------------------
    def finish(self) -> None:
        try:
            self._finish()
        finally:
            self.crowd.close()
        progress(f"{self.fault}: {'PASS' if not self.failures else 'FAIL'} {self.summary}")
        assert not self.failures, f"fault {self.fault} ({self.description}):\n- " + "\n- ".join(self.failures)

    def _finish(self) -> None:
        self.crowd.wait(timeout=120)
        first_try = len(self.crowd.accepted)
        retried = self.crowd.retry_refused()
        accepted = self.crowd.accepted
        progress(
            f"{self.fault}: {first_try}/{PEOPLE} accepted at first try, {len(retried)} tried again after recovery, "
            f"{len(accepted)}/{PEOPLE} accepted in all"
        )
        self.summary["accepted"] = f"{len(accepted)}/{PEOPLE}"
        if len(accepted) < PEOPLE:
            refused = {s.email: s.attempts for s in self.crowd.signers if not s.accepted}
            self.failures.append(
                f"{PEOPLE - len(accepted)} people could not sign even after recovery: {refused}"
            )
        self._check_answers()
        self._check_rows(accepted)
        links = self._check_mails(accepted)
        self._check_processes()
        confirmed = self._confirm(links)
        self._check_count(confirmed)

    def _check_answers(self) -> None:
        allowed_late = (self.recovered_at or 0) + 5  # requests that started before the recovery
        bad = [
            answer
            for answer in self.journal.bad(NORMAL)
            if not (
                self.allow_503_while_down
                and answer.status == 503
                and (self.fault_at or 0) <= answer.at <= allowed_late
            )
        ]
        by_status = self.journal.statuses()
        self.summary["answers"] = dict(sorted(by_status.items()))
        progress(f"{self.fault}: answers by status {dict(sorted(by_status.items()))}")
        if bad:
            shown = ", ".join(f"{a.method} {a.path} -> {a.status or a.error} ({a.phase})" for a in bad[:12])
            count_500 = sum(1 for a in bad if a.status >= 500 and a.status != 503)
            self.failures.append(
                f"{len(bad)} answers outside {sorted(NORMAL)}"
                f"{' (503 allowed while down)' if self.allow_503_while_down else ''}, {count_500} of them 5xx "
                f"other than 503: {shown}{' …' if len(bad) > 12 else ''}"
            )

    def _check_rows(self, accepted) -> None:
        emails = [signer.email for signer in self.crowd.signers]
        rows = dict(
            self.stack.query("SELECT email, status FROM petitions_signature WHERE email = ANY(%s)", (emails,))
        )
        missing = [s.email for s in accepted if s.email not in rows]
        held = {email: status for email, status in rows.items() if status not in ("pending", "confirmed")}
        self.summary["stored"] = f"{len(rows)}"
        progress(f"{self.fault}: {len(rows)} rows stored for {len(accepted)} accepted signatures")
        if missing:
            self.failures.append(f"{len(missing)} accepted signatures are not stored: {missing}")
        if held:
            self.failures.append(f"stored but not pending or confirmed: {held}")
        stray = [email for email in rows if email not in {s.email for s in accepted}]
        if stray:
            self.failures.append(f"stored although the signer was told it failed: {stray}")

    def _check_mails(self, accepted) -> dict[str, list[str]]:
        recipients = {signer.email for signer in accepted}
        if not recipients:
            return {}
        recovered = self.recovered_at or time.monotonic()
        deadline = recovered + MAIL_DEADLINE_SECONDS
        last_report = 0.0
        while True:
            links = confirmation_links(self.stack.sink.received(), recipients)
            mailed = sum(1 for address in recipients if links[address])
            if mailed == len(recipients) or time.monotonic() > deadline:
                break
            if time.monotonic() - last_report >= 5:
                last_report = time.monotonic()
                worker = "running" if self.stack.worker.alive else f"EXITED ({self.stack.worker.returncode})"
                progress(
                    f"{self.fault}: mails received {mailed}/{len(recipients)}, "
                    f"{time.monotonic() - recovered:.0f}s after recovery (worker {worker})"
                )
            time.sleep(0.5)
        waited = time.monotonic() - recovered
        time.sleep(SETTLE_SECONDS)
        received = self.stack.sink.received()
        links = confirmation_links(received, recipients)
        first_at = {
            address: min(item.at for item in received if address in item.recipients)
            for address in recipients
            if links[address]
        }
        late = {a: round(t - recovered) for a, t in first_at.items() if t > deadline}
        none = sorted(a for a in recipients if not links[a])
        twice = {a: len(links[a]) for a in recipients if len(links[a]) > 1}
        unlinked = sorted(a for a in recipients if links[a] and not links[a][-1])
        mailed = len(recipients) - len(none)
        self.summary["mailed"] = f"{mailed}/{len(recipients)}"
        progress(
            f"{self.fault}: mails received {mailed}/{len(recipients)} ({waited:.0f}s after recovery), "
            f"{len(twice)} signers got more than one"
        )
        if none:
            self.failures.append(
                f"{len(none)} of {len(recipients)} accepted signers got no confirmation e-mail "
                f"within {MAIL_DEADLINE_SECONDS}s of recovery: {none}"
            )
        if late:
            self.failures.append(f"e-mails arrived more than {MAIL_DEADLINE_SECONDS}s after recovery: {late}")
        if twice:
            self.failures.append(f"{len(twice)} signers got more than one confirmation e-mail: {twice}")
        if unlinked:
            self.failures.append(f"e-mails without a confirmation link: {unlinked}")
        elsewhere = sorted(
            found[-1]
            for found in links.values()
            if found and found[-1] and not found[-1].startswith(self.site.base_url + "/")
        )
        if elsewhere:
            self.failures.append(
                f"{len(elsewhere)} confirmation links point away from {self.site.base_url}, e.g. {elsewhere[0]}"
            )
        return {address: found for address, found in links.items() if found and found[-1]}

    def _check_processes(self) -> None:
        if not self.expect_processes_alive:
            return
        for process in (self.stack.web, self.stack.worker, self.stack.scheduler):
            if process is not None and not process.alive:
                self.failures.append(
                    f"the {process.name} exited (code {process.returncode}) and did not come back by itself"
                )

    def _confirm(self, links: dict[str, list[str]]) -> int:
        if not links:
            return 0
        with ThreadPoolExecutor(max_workers=6) as pool:
            outcomes = dict(
                zip(links, pool.map(lambda found: self.site.confirm(found[-1]), links.values()), strict=True)
            )
        failed = {address: outcome for address, outcome in outcomes.items() if outcome != "confirmed"}
        confirmed = len(links) - len(failed)
        self.summary["confirmed"] = f"{confirmed}/{len(links)}"
        progress(f"{self.fault}: followed {len(links)} links, {confirmed} confirmed")
        if failed:
            self.failures.append(f"{len(failed)} confirmation links did not confirm: {failed}")
        return confirmed

    def _check_count(self, confirmed: int) -> None:
        petition_id = self.petition["id"]

        def confirmed_rows() -> int:
            query = "SELECT count(*) FROM petitions_signature WHERE petition_id = %s AND status = 'confirmed'"
            return self.stack.query(query, (petition_id,))[0][0]

        rows = confirmed_rows()
        if rows != confirmed:
            self.failures.append(f"{confirmed} people confirmed but {rows} rows are confirmed")
        deadline = time.monotonic() + COUNT_DEADLINE_SECONDS
        count = self.site.public_count(self.petition)
        while count != rows and time.monotonic() < deadline:
            time.sleep(1)
            count = self.site.public_count(self.petition)
        self.summary["count"] = f"{count} public / {rows} confirmed rows"
        progress(f"{self.fault}: public count {count}, confirmed rows {rows}")
        if count != rows:
            self.failures.append(
                f"the public count is {count} but {rows} rows are confirmed, {COUNT_DEADLINE_SECONDS}s after "
                "the last confirmation"
            )
