"""Page weight: what a browser downloads on a first view of a page, compressed as served.

``resources_in_html`` and ``urls_in_css`` are pure parsers; ``measure_page`` fetches a page and everything
it pulls in from the running server (with ``Accept-Encoding: gzip, br``, as a browser asks) and adds up the
bytes on the wire. A resource on another host is never fetched: it is listed under ``external``, because
the site promises that no request leaves it.
"""

import gzip
import http.client
import re
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

ACCEPT_ENCODING = "gzip, br"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""")


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str  # css | js | img | font | media | frame | other


class _ResourceParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "link":
            rel = set(attributes.get("rel", "").lower().split())
            href = attributes.get("href")
            if not href:
                return
            if "stylesheet" in rel:
                self.found.append((href, "css"))
            elif rel & {"icon", "shortcut", "apple-touch-icon"}:
                self.found.append((href, "img"))
            elif rel & {"preload", "modulepreload"}:
                kind = {"style": "css", "script": "js", "font": "font", "image": "img"}
                self.found.append((href, kind.get(attributes.get("as", ""), "other")))
            elif "manifest" in rel:
                self.found.append((href, "other"))
        elif tag == "script" and attributes.get("src"):
            self.found.append((attributes["src"], "js"))
        elif tag in {"img", "source"}:
            if attributes.get("src"):
                self.found.append((attributes["src"], "img" if tag == "img" else "media"))
            if attributes.get("srcset") and tag == "img" and not attributes.get("src"):
                self.found.append((_first_srcset_url(attributes["srcset"]), "img"))
        elif tag in {"video", "audio"} and attributes.get("src"):
            self.found.append((attributes["src"], "media"))
        elif tag == "video" and attributes.get("poster"):
            self.found.append((attributes["poster"], "img"))
        elif tag in {"iframe", "embed"} and attributes.get("src"):
            self.found.append((attributes["src"], "frame"))
        elif tag == "object" and attributes.get("data"):
            self.found.append((attributes["data"], "frame"))


def _first_srcset_url(srcset: str) -> str:
    return srcset.split(",")[0].strip().split(" ")[0]


def resources_in_html(html: str, page_url: str) -> list[Resource]:
    """Every sub-resource a browser fetches on load (styles, scripts, images, frames), absolute, in order."""
    parser = _ResourceParser()
    parser.feed(html)
    seen: dict[str, Resource] = {}
    for url, kind in parser.found:
        if url.startswith(("data:", "#")):
            continue
        absolute = urljoin(page_url, url)
        seen.setdefault(absolute, Resource(absolute, kind))
    return list(seen.values())


def urls_in_css(css: str, css_url: str) -> list[Resource]:
    """Fonts, images and imported style sheets referenced by a style sheet, absolute."""
    found: dict[str, Resource] = {}
    for match in _CSS_IMPORT.finditer(css):
        absolute = urljoin(css_url, match.group(2))
        found.setdefault(absolute, Resource(absolute, "css"))
    for match in _CSS_URL.finditer(css):
        url = match.group(2).strip()
        if url.startswith(("data:", "#")):
            continue
        absolute = urljoin(css_url, url)
        kind = "font" if re.search(r"\.(woff2?|ttf|otf|eot)(\?|$)", url) else "img"
        found.setdefault(absolute, Resource(absolute, kind))
    return list(found.values())


def is_external(url: str, site_url: str) -> bool:
    """Whether ``url`` is on another host (scheme, host or port differ) than ``site_url``."""
    here, there = urlsplit(site_url), urlsplit(url)
    return (there.scheme, there.netloc) != (here.scheme, here.netloc)


def _fetch(url: str, *, accept_encoding: str, timeout: float = 10) -> tuple[int, dict, bytes, int]:
    """GET ``url``: status, lower-cased headers, raw body as sent, and bytes on the wire (headers + body)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path or "/", headers={"Accept-Encoding": accept_encoding})
        response = connection.getresponse()
        body = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        header_bytes = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
            len(name) + len(value) + 4 for name, value in response.getheaders()
        )
        return response.status, headers, body, header_bytes + 2 + len(body)
    finally:
        connection.close()


def _decoded(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    return body


def measure_page(site_url: str, path: str) -> dict:
    """Fetch a page as a first-time visitor and total what it costs: bytes by kind, requests, externals."""
    page_url = urljoin(site_url, path)
    status, headers, body, wire = _fetch(page_url, accept_encoding=ACCEPT_ENCODING)
    html = _decoded(body, headers.get("content-encoding", "")).decode("utf-8", "replace")
    if headers.get("content-encoding") == "br":  # cannot decode brotli without a library: ask again for gzip
        _, plain_headers, plain, _ = _fetch(page_url, accept_encoding="gzip")
        html = _decoded(plain, plain_headers.get("content-encoding", "")).decode("utf-8", "replace")
    by_kind = {"html": wire}
    encodings = {"html": headers.get("content-encoding", "identity")}
    requests = [{"url": path, "kind": "html", "status": status, "bytes": wire}]
    external: list[str] = []
    queue = resources_in_html(html, page_url)
    fetched: set[str] = {page_url}
    while queue:
        resource = queue.pop(0)
        if resource.url in fetched:
            continue
        fetched.add(resource.url)
        if is_external(resource.url, site_url):
            external.append(resource.url)
            continue
        r_status, r_headers, r_body, r_wire = _fetch(resource.url, accept_encoding=ACCEPT_ENCODING)
        by_kind[resource.kind] = by_kind.get(resource.kind, 0) + r_wire
        encodings.setdefault(resource.kind, r_headers.get("content-encoding", "identity"))
        short = urlsplit(resource.url).path
        requests.append({"url": short, "kind": resource.kind, "status": r_status, "bytes": r_wire})
        if resource.kind == "css" and r_status == 200:
            _, css_headers, css_body, _ = _fetch(resource.url, accept_encoding="gzip")
            css = _decoded(css_body, css_headers.get("content-encoding", "")).decode("utf-8", "replace")
            queue.extend(urls_in_css(css, resource.url))
    return {
        "path": path,
        "status": status,
        "total_bytes": sum(by_kind.values()),
        "bytes_by_kind": by_kind,
        "encodings": encodings,
        "requests": len(requests),
        "failed": [item for item in requests if item["status"] >= 400],
        "external": external,
        "detail": requests,
    }
