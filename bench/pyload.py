"""The Python load generator, for flows ``wrk`` cannot drive: real form posts with CSRF tokens.

``python -m bench.pyload SPEC.json OUT.json``. The spec says where (``base``), how long (``seconds``), how
many clients at once (``concurrency``) and which ``flow``:

* ``get`` / ``post``: each client requests ``urls`` in turn (the baseline's Python-driven rows);
* ``sign``: each client is a browser session. It GETs ``sign.page`` once before the clock starts, takes
  the form's hidden fields (and any cookie), then posts new signatures with distinct names and
  e-mail addresses (it loads the form again after a 403, or every ``sign.form_every`` posts when set);
* ``confirm``: clients share the confirmation ``confirm.links``. A client GETs a link, posts its form; when
  the form posts back to the link itself, later links are posted to directly with the same CSRF token;
* ``mixed``: each request is a signature with probability ``mixed.sign_share``, the petition JSON with
  ``mixed.json_share``, else one of ``mixed.reads``.

``cookies`` (name -> value), when given, every client sends from its first request: the staff rows' session.
Every client stops at the deadline. The result has the run's ``requests``, ``errors``, ``rps`` and
p50/p95/p99 for the flow's main kind of request, and the same for every kind under ``by_kind``.
"""

import http.client
import itertools
import json
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from .stats import summarize

ERROR_MARKERS = ("errorlist", 'aria-invalid="true"', "form-error", "invalid-feedback")
MAIN_KIND = {"get": "get", "post": "post", "sign": "sign", "confirm": "confirm", "mixed": "all"}


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # hidden inputs: name -> value
    inputs: set = field(default_factory=set)  # every named control
    options: dict = field(default_factory=dict)  # select name -> non-empty option values


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(Form(attributes.get("action", ""), attributes.get("method", "get").lower()))
            return
        if not self.forms:
            return
        form, name = self.forms[-1], attributes.get("name")
        if tag == "input" and name:
            form.inputs.add(name)
            if attributes.get("type", "text").lower() == "hidden":
                form.fields[name] = attributes.get("value", "")
        elif tag in {"select", "textarea"} and name:
            form.inputs.add(name)
            if tag == "select":
                self._select = name
                form.options[name] = []
        elif tag == "option" and self._select and attributes.get("value"):
            form.options[self._select].append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def parse_forms(html: str) -> list[Form]:
    """Every form in ``html`` with its action, method, hidden fields, control names and select options."""
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


DEFENCES = ("csrfmiddlewaretoken", "form_token")  # the sign form carries a form token, no CSRF token


def find_form(html: str, *required: str) -> Form | None:
    """The first POST form with a CSRF token or a form token and every control named in ``required``."""
    for form in parse_forms(html):
        defended = any(name in form.fields for name in DEFENCES)
        if form.method == "post" and defended and set(required) <= form.inputs:
            return form
    return None


def looks_accepted(status: int, body: bytes) -> bool:
    """A form post succeeded: a redirect, or a 2xx page that shows no validation error."""
    if 300 <= status < 400:
        return True
    if 200 <= status < 300:
        text = body[:200_000].decode("utf-8", "replace")
        return not any(marker in text for marker in ERROR_MARKERS)
    return False


class Session:
    """One visitor: a keep-alive connection (reopened when the server closes it) and a cookie jar."""

    def __init__(self, base: str, timeout: float = 15):
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, bytes]:
        headers = {"Accept-Encoding": "identity", "Referer": f"http://{self.host}:{self.port}{path}"}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()  # a stale keep-alive socket: one fresh try
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            pair = header.split(";", 1)[0]
            if "=" in pair:
                key, value = pair.split("=", 1)
                self.cookies[key.strip()] = value.strip()
        if response.will_close:
            self.connection.close()
        return response.status, content


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.samples: list[str] = []
        self.counters: dict[str, int] = {}

    def record(self, kind: str, started: float, ok: bool, note: str = "") -> None:
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            if ok:
                self.latencies.setdefault(kind, []).append(elapsed)
            else:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.samples) < 10:
                    self.samples.append(f"{kind}: {note}"[:300])

    def count(self, name: str) -> None:
        with self.lock:
            self.counters[name] = self.counters.get(name, 0) + 1


class Signer:
    """Loads the sign form once, then posts distinct signers through it."""

    def __init__(self, session: Session, spec: dict, client: int, recorder: Recorder):
        self.session, self.spec, self.client, self.recorder = session, spec, client, recorder
        self.form: Form | None = None
        self.action = ""
        self.posts = 0
        self.serial = itertools.count()

    def load_form(self) -> bool:
        page = self.spec["page"]
        started = time.perf_counter()
        try:
            status, body = self.session.request("GET", page)
        except OSError as error:
            self.recorder.record("sign_form", started, False, str(error))
            return False
        self.form = find_form(body.decode("utf-8", "replace"), "email") if status == 200 else None
        self.recorder.record("sign_form", started, self.form is not None, f"HTTP {status}, no sign form")
        if self.form:
            self.action = urlsplit(urljoin(page, self.form.action or page)).path
        return self.form is not None

    def sign(self) -> None:
        every = self.spec.get("form_every") or 0
        stale = self.form is None or (every and self.posts and self.posts % every == 0)
        if stale and not self.load_form():
            time.sleep(0.05)
            return
        number = next(self.serial)
        run_id = self.spec["run_id"]
        data = dict(self.form.fields)
        data.update(
            {
                "name": f"ผู้ทดสอบ {run_id} {self.client}-{number}",
                "email": f"bench-{run_id}-{self.client}-{number}@example.org",
                "show_name": "on",
                "consent": "on",
                "source": "bench",
            }
        )
        provinces = self.form.options.get("province") or ["Bangkok"]
        data["province"] = provinces[(self.client + number) % len(provinces)]
        data.update(self.spec.get("extra_fields", {}))
        started = time.perf_counter()
        try:
            status, body = self.session.request("POST", self.action, data)
        except OSError as error:
            self.recorder.record("sign", started, False, str(error))
            return
        ok = looks_accepted(status, body)
        self.recorder.record("sign", started, ok, f"HTTP {status} {body[:160]!r}")
        self.posts += 1
        if ok:
            self.recorder.count("signatures_accepted")
        if status == 403:
            self.form = None


def _confirm_one(session: Session, link: str, state: dict, recorder: Recorder) -> None:
    if state.get("direct") and state.get("fields"):
        action, data = link, dict(state["fields"])
    else:
        started = time.perf_counter()
        try:
            status, body = session.request("GET", link)
        except OSError as error:
            recorder.record("confirm_page", started, False, str(error))
            return
        form = find_form(body.decode("utf-8", "replace")) if status == 200 else None
        recorder.record("confirm_page", started, form is not None, f"HTTP {status}, no confirm form")
        if form is None:
            return
        action = urlsplit(urljoin(link, form.action or link)).path
        data = dict(form.fields)
        state["direct"] = action == urlsplit(link).path
        state["fields"] = {"csrfmiddlewaretoken": form.fields["csrfmiddlewaretoken"]}
    started = time.perf_counter()
    try:
        status, body = session.request("POST", action, data)
    except OSError as error:
        recorder.record("confirm", started, False, str(error))
        return
    ok = looks_accepted(status, body)
    recorder.record("confirm", started, ok, f"HTTP {status} {body[:160]!r}")
    if ok:
        recorder.count("confirmations_accepted")
    if status == 403:
        state.clear()


def _get(session: Session, kind: str, path: str, recorder: Recorder, method: str = "GET") -> None:
    started = time.perf_counter()
    try:
        status, body = session.request(method, path, {} if method == "POST" else None)
    except OSError as error:
        recorder.record(kind, started, False, str(error))
        return
    recorder.record(kind, started, 200 <= status < 400, f"HTTP {status} {path}")


def run(spec: dict) -> dict:
    recorder = Recorder()
    flow, seconds = spec["flow"], float(spec["seconds"])
    links = iter(spec.get("confirm", {}).get("links", []))
    links_lock = threading.Lock()
    exhausted = threading.Event()
    clock: dict[str, float] = {}
    finished: list[float] = []

    def start_clock() -> None:  # runs once, when every client is ready
        clock["start"] = time.perf_counter()
        clock["deadline"] = clock["start"] + seconds

    ready = threading.Barrier(spec["concurrency"], action=start_clock, timeout=seconds + 60)

    def client(number: int) -> None:
        session = Session(spec["base"])
        session.cookies.update(spec.get("cookies", {}))  # a signed-in member of staff, for the admin rows
        rng = random.Random(number)
        urls = spec.get("urls", [])
        signer = Signer(
            session, {**spec.get("sign", {}), "run_id": spec.get("run_id", "x")}, number, recorder
        )
        confirm_state: dict = {}
        mixed = spec.get("mixed", {})
        turn = number
        if flow in {"sign", "mixed"}:
            try:
                signer.load_form()  # a visitor reads the page before signing: not part of the timed run
            except Exception:  # noqa: BLE001  (recorded as the form's failure; the run must still start)
                signer.form = None
        try:
            ready.wait()
        except threading.BrokenBarrierError:
            return
        deadline = clock["deadline"]
        while time.perf_counter() < deadline:
            turn += 1
            if flow in {"get", "post"}:
                _get(session, flow, urls[turn % len(urls)], recorder, flow.upper())
            elif flow == "sign":
                signer.sign()
            elif flow == "confirm":
                with links_lock:
                    link = next(links, None)
                if link is None:
                    exhausted.set()
                    break
                _confirm_one(session, link, confirm_state, recorder)
            elif flow == "mixed":
                draw = rng.random()
                if draw < mixed["sign_share"]:
                    signer.sign()
                elif draw < mixed["sign_share"] + mixed["json_share"]:
                    _get(session, "json", mixed["json"][turn % len(mixed["json"])], recorder)
                else:
                    _get(session, "read", mixed["reads"][turn % len(mixed["reads"])], recorder)
            else:
                raise ValueError(f"unknown flow {flow!r}")
        finished.append(time.perf_counter())

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(spec["concurrency"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    start = clock.get("start", time.perf_counter())
    elapsed = (max(finished) if finished else time.perf_counter()) - start

    by_kind = {
        kind: summarize(
            recorder.latencies.get(kind, []), seconds=elapsed, errors=recorder.errors.get(kind, 0)
        )
        for kind in sorted(set(recorder.latencies) | set(recorder.errors))
    }
    main = MAIN_KIND[flow]
    if main == "all":
        every = [value for values in recorder.latencies.values() for value in values]
        headline = summarize(every, seconds=elapsed, errors=sum(recorder.errors.values()))
    else:
        headline = summarize(
            recorder.latencies.get(main, []), seconds=elapsed, errors=recorder.errors.get(main, 0)
        )
    headline["errors_all_kinds"] = sum(recorder.errors.values())
    return {
        **headline,
        "by_kind": by_kind,
        "counters": recorder.counters,
        "error_samples": recorder.samples,
        "exhausted": exhausted.is_set(),
    }


def main(argv: list[str]) -> None:
    spec_path, out_path = argv[1], argv[2]
    with open(spec_path) as spec_file:
        spec = json.load(spec_file)
    result = run(spec)
    with open(out_path, "w") as out_file:
        json.dump(result, out_file)


if __name__ == "__main__":
    main(sys.argv)
