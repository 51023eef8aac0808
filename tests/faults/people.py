"""People using the site over HTTP, as browsers would: signers, readers, and the confirmation links they follow.

Every answer the site gives is written to a ``Journal`` with the time and the phase of the fault it fell in,
so a test can say which answers came while a part was down.
"""

import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import requests

CONFIRM_LINK = re.compile(r"https?://[^\s/]+(?:/[a-z]{2})?/petitions/confirm/[A-Za-z0-9_-]+/")
REQUEST_TIMEOUT = 30


@dataclass(frozen=True)
class Answer:
    at: float
    phase: str
    method: str
    path: str
    status: int  # 0: no answer (connection refused, timeout)
    error: str = ""


class Journal:
    """Every answer of one fault, and the phase (``before``, ``during``, ``after``) the fault is in."""

    def __init__(self):
        self.phase = "before"
        self.answers: list[Answer] = []
        self._lock = threading.Lock()

    def record(self, method: str, url: str, status: int, error: str = "") -> None:
        answer = Answer(time.monotonic(), self.phase, method, urlsplit(url).path, status, error)
        with self._lock:
            self.answers.append(answer)

    def request(self, session: requests.Session, method: str, url: str, **kwargs) -> requests.Response | None:
        try:
            response = session.request(method, url, timeout=REQUEST_TIMEOUT, allow_redirects=False, **kwargs)
        except requests.RequestException as error:
            self.record(method, url, 0, type(error).__name__)
            return None
        self.record(method, url, response.status_code)
        return response

    def statuses(self, phase: str | None = None) -> Counter:
        with self._lock:
            return Counter(a.status for a in self.answers if phase is None or a.phase == phase)

    def bad(self, allowed: set[int]) -> list[Answer]:
        """Answers whose status is not in ``allowed``."""
        with self._lock:
            return [a for a in self.answers if a.status not in allowed]


class _Forms(HTMLParser):
    """The forms of a page: their action and every input's name and value."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "inputs": {}})
        elif tag == "input" and self.forms and attributes.get("name"):
            self.forms[-1]["inputs"].setdefault(attributes["name"], attributes.get("value") or "")


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


@dataclass
class Signer:
    number: int
    email: str
    name: str
    attempts: list[str] = field(default_factory=list)  # what each attempt ended with, e.g. "302", "GET 503"
    accepted_at: float | None = None

    @property
    def accepted(self) -> bool:
        return self.accepted_at is not None


class Site:
    def __init__(self, base_url: str, journal: Journal):
        self.base_url = base_url
        self.journal = journal

    def sign(self, signer: Signer, petition: dict) -> bool:
        """GET the petition, read the sign form's hidden fields, POST it. True if the site took the signature."""
        with requests.Session() as browser:
            page = self.journal.request(browser, "GET", self.base_url + petition["path"])
            if page is None or page.status_code != 200:
                signer.attempts.append(f"GET {page.status_code if page is not None else 'no answer'}")
                return False
            form = next((f for f in forms_of(page.text) if "/petitions/sign/" in f["action"]), None)
            if form is None:
                signer.attempts.append("GET 200 without a sign form")
                return False
            data = {
                key: value
                for key, value in form["inputs"].items()
                if key in ("csrfmiddlewaretoken", "form_token", "source")
            }
            data.update(name=signer.name, email=signer.email, province="chiang-rai", consent="on")
            response = self.journal.request(browser, "POST", self.base_url + form["action"], data=data)
            if response is None:
                signer.attempts.append("POST no answer")
                return False
            signer.attempts.append(f"POST {response.status_code}")
            if response.status_code == 302 and "/petitions/thanks/" in response.headers.get("Location", ""):
                signer.accepted_at = time.monotonic()
                return True
            return False

    def confirm(self, link: str) -> str:
        """Follow the e-mail's link as it is written: GET shows a button, POST confirms. "confirmed" if it did."""
        with requests.Session() as browser:
            page = self.journal.request(browser, "GET", link)
            if page is None or page.status_code != 200:
                return f"GET {page.status_code if page is not None else 'no answer'}"
            form = next((f for f in forms_of(page.text) if "csrfmiddlewaretoken" in f["inputs"]), None)
            if form is None:
                return "GET 200 without a confirm button"
            response = self.journal.request(
                browser,
                "POST",
                link,
                data={"csrfmiddlewaretoken": form["inputs"]["csrfmiddlewaretoken"]},
            )
            if response is None or response.status_code != 303:
                return f"POST {response.status_code if response is not None else 'no answer'}"
            done = self.journal.request(browser, "GET", self.base_url + response.headers["Location"])
            if done is None or done.status_code != 200:
                return f"confirmed page {done.status_code if done is not None else 'no answer'}"
            return "confirmed"

    def public_count(self, petition: dict) -> int | None:
        with requests.Session() as browser:
            response = self.journal.request(
                browser, "GET", f"{self.base_url}/api/petitions/{petition['id']}/"
            )
            if response is None or response.status_code != 200:
                return None
            return response.json()["signature_count"]

    def read(self, petition: dict) -> None:
        """What a reader does: the petition page and the count the page's script fetches."""
        with requests.Session() as browser:
            self.journal.request(browser, "GET", self.base_url + petition["path"])
            self.journal.request(browser, "GET", f"{self.base_url}/api/petitions/{petition['id']}/")


class Crowd:
    """``people`` signers, who start at an even pace over ``seconds`` in background threads."""

    def __init__(self, site: Site, petition: dict, *, fault: str, people: int = 30, seconds: float = 20):
        self.site, self.petition = site, petition
        self.signers = [
            Signer(n, f"{fault}-{n:02d}@faults.example.org", f"ผู้ลงชื่อ {fault} {n:02d}") for n in range(people)
        ]
        self.interval = seconds / people
        self._pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix=f"sign-{fault}")
        self._futures = []
        self._readers_stop = threading.Event()
        self._readers: threading.Thread | None = None

    def start(self) -> "Crowd":
        started = time.monotonic()

        def sign_at(signer: Signer) -> None:
            time.sleep(max(0.0, started + signer.number * self.interval - time.monotonic()))
            self.site.sign(signer, self.petition)

        self._futures = [self._pool.submit(sign_at, signer) for signer in self.signers]
        self._readers = threading.Thread(target=self._read_every_second, daemon=True)
        self._readers.start()
        return self

    def _read_every_second(self) -> None:
        while not self._readers_stop.wait(1.0):
            self.site.read(self.petition)

    @property
    def tried(self) -> int:
        return sum(1 for signer in self.signers if signer.attempts)

    @property
    def accepted(self) -> list[Signer]:
        return [signer for signer in self.signers if signer.accepted]

    def wait(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        for future in self._futures:
            future.result(timeout=max(0.1, deadline - time.monotonic()))
        self._readers_stop.set()
        if self._readers:
            self._readers.join(timeout=REQUEST_TIMEOUT * 2 + 5)

    def retry_refused(self, *, attempts: int = 3, pause: float = 2.0) -> list[Signer]:
        """After the fault, everyone who was turned away tries again, as a person who saw an error page would."""
        retried = []
        for _round in range(attempts):
            waiting = [signer for signer in self.signers if not signer.accepted]
            if not waiting:
                break
            retried.extend(s for s in waiting if s not in retried)
            list(self._pool.map(lambda signer: self.site.sign(signer, self.petition), waiting))
            if any(not signer.accepted for signer in waiting):
                time.sleep(pause)
        return retried

    def close(self) -> None:
        self._readers_stop.set()
        self._pool.shutdown(wait=False, cancel_futures=True)


def confirmation_links(received, recipients: set[str]) -> dict[str, list[str]]:
    """Each recipient's confirmation links, in the order the sink accepted them."""
    links: dict[str, list[str]] = {address: [] for address in recipients}
    for item in received:
        for address in item.recipients:
            if address in links:
                found = CONFIRM_LINK.search(item.body)
                links[address].append(found.group(0) if found else "")
    return links
