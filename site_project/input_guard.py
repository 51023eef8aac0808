"""Refuse text that is not valid UTF-8 with a translated 400, before any view or form sees it.

Also here: the pages for what Django refuses itself, a 400 (``handler400``) and a form without a valid
CSRF token (``CSRF_FAILURE_VIEW``), translated, with nothing read from the database.

Django decodes query strings and form bodies with ``errors="replace"``: bytes that are not UTF-8 become
U+FFFD, and the mangled text was stored (mojibake in a signer's name) as if the person had typed it.

This is a middleware rather than a check in each form because only here are the raw bytes still at hand:
once a form runs, a U+FFFD that Django substituted cannot be told from one that was sent, and a check in
every form would miss the next form someone adds, Wagtail's own forms, and query strings that no form reads.
It sits after ``LocaleMiddleware`` so the refusal is in the visitor's language, and before the CSRF check,
which is the first to read the body.

- The query string, and a ``application/x-www-form-urlencoded`` body, are checked byte for byte.
- A multipart body is parsed the way the CSRF check would parse it anyway; its text fields are refused if
  they hold U+FFFD, which there can only be Django's replacement (no keyboard types it). Files are not text
  and are left to their forms. The Wagtail admin is spared this one check: editors paste text copied from
  PDFs, where a U+FFFD can be real content.

Bodies Django refuses itself (too large, too many fields, a broken multipart) raise here as they would in
the CSRF check, and Django answers them 400.
"""

import logging
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
REPLACEMENT_CHARACTER = "\ufffd"
# Editors paste text copied from PDFs, where a U+FFFD is real content; browsers never send bad UTF-8 anyway.
ADMIN_PREFIX = "/admin/"


def _is_utf8(percent_encoded: bytes, encoding: str) -> bool:
    try:
        unquote_to_bytes(percent_encoded.replace(b"+", b" ")).decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _query_bytes(request) -> bytes:
    raw = request.META.get("QUERY_STRING", "")
    try:
        return raw.encode("iso-8859-1")  # how a WSGI server hands over the bytes it received
    except UnicodeEncodeError:
        return raw.encode("utf-8")  # already text (a test client, an ASGI adapter): valid by construction


def unreadable_part(request) -> str | None:
    """``"query"`` or ``"body"`` when that part of the request is not valid UTF-8, else ``None``."""
    encoding = request.encoding or settings.DEFAULT_CHARSET
    if not _is_utf8(_query_bytes(request), encoding):
        return "query"
    if request.method != "POST":
        return None
    if request.content_type == FORM_URLENCODED:
        if not _is_utf8(request.body, encoding):
            return "body"
    elif request.content_type == MULTIPART and not request.path_info.startswith(ADMIN_PREFIX):
        for key, values in request.POST.lists():
            if REPLACEMENT_CHARACTER in key or any(REPLACEMENT_CHARACTER in value for value in values):
                return "body"
    return None


def error_page(request, template_name: str, status: int, message: str = "") -> HttpResponse:
    """A translated error page that reads nothing from the database, in the language of the address: the
    refusals here, and the 500 and 503 pages (``views``)."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        html = loader.get_template(template_name).render(
            {
                "message": message,
                "sent_data": request.method not in ("GET", "HEAD", "OPTIONS"),
                "home_url": f"/{language}/",
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
        )
    response = HttpResponse(html, status=status)
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-store"
    return response


def bad_request(request, message: str = "") -> HttpResponse:
    return error_page(request, "400.html", 400, message)


def bad_request_page(request, exception=None) -> HttpResponse:
    """``handler400``: what Django refuses itself (a bad Host, too many fields, a broken body)."""
    return bad_request(request)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: a form sent without a valid CSRF token, told in words a visitor can act on."""
    return error_page(request, "403_csrf.html", 403)


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        part = unreadable_part(request)
        if part is None:
            return self.get_response(request)
        logger.warning("Refused %s %s: the %s is not valid UTF-8", request.method, request.path[:120], part)
        if part == "query":
            message = _(
                "The address holds characters that are not valid text (UTF-8). Check the link and try again."
            )
        else:
            message = _(
                "Part of what you sent is not valid text (UTF-8), so it was not saved. Please type it again and resend."
            )
        return bad_request(request, message)
