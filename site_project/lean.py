"""A lean path for the public form posts that must keep up with a surge: only the middleware they need.

Signing a petition and confirming a signature never read the session, the signed-in user or a waiting
message, and never serve a static file or a Wagtail redirect. Behind gunicorn, ``LeanPostRoutes`` sends a
POST whose view is marked ``@lean_post`` to a second Django handler whose middleware is ``settings.MIDDLEWARE``
without ``NOT_NEEDED``; every other request goes on to the full stack as before. The lean handler keeps
everything a response carries: compression, ``Cache-Control: private``, the security headers and the CSP, the
database-outage 503, the language from the address, the UTF-8 guard, CSRF (signing is exempt: its form token
defends it; confirming keeps Django's check) and ``X-Frame-Options``.

A middleware added to ``settings.MIDDLEWARE`` later runs on the lean path too, unless it is named here. The
test client and ``runserver`` use the full stack for these views; the views behave the same on both.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler, get_path_info
from django.urls import Resolver404, get_resolver
from django.utils import translation
from django.utils.module_loading import import_string

# What signing and confirming do not need, and why.
NOT_NEEDED = (
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: never at these addresses
    "django.contrib.sessions.middleware.SessionMiddleware",  # these views never read the session...
    "django.contrib.auth.middleware.AuthenticationMiddleware",  # ...nor the signed-in user...
    "django.contrib.messages.middleware.MessageMiddleware",  # ...nor show a waiting message
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",  # editors' redirects are for pages read
    "axes.middleware.AxesMiddleware",  # login lockouts
)
MATCH_KEY = "phakhi.lean.resolver_match"  # the router's URL match, handed to the lean handler in the environ


def lean_post(view: Callable) -> Callable:
    """Mark a view whose POSTs may take the lean path. Put it innermost: Django's decorators copy the mark."""
    view.lean_post = True
    return view


def lean_middleware(middleware: Iterable[str] | None = None) -> list[str]:
    return [
        path for path in (settings.MIDDLEWARE if middleware is None else middleware) if path not in NOT_NEEDED
    ]


class LeanHandler(WSGIHandler):
    """Django's WSGI handler with a middleware list of its own (signals, routing and views as usual)."""

    def __init__(self, middleware: Iterable[str] | None = None):
        self.middleware = lean_middleware(middleware)
        super().__init__()

    def load_middleware(self, is_async: bool = False) -> None:
        """``BaseHandler.load_middleware`` for ``self.middleware``, synchronous only (as the site runs)."""
        self._view_middleware, self._template_response_middleware, self._exception_middleware = [], [], []
        handler = convert_exception_to_response(self._get_response)
        for path in reversed(self.middleware):
            instance = import_string(path)(handler)
            if hasattr(instance, "process_view"):
                self._view_middleware.insert(0, instance.process_view)
            if hasattr(instance, "process_template_response"):
                self._template_response_middleware.append(instance.process_template_response)
            if hasattr(instance, "process_exception"):
                self._exception_middleware.append(instance.process_exception)
            handler = convert_exception_to_response(instance)
        self._middleware_chain = handler

    def resolve_request(self, request):
        """The match the router found for this address, rather than resolving it a second time."""
        match = request.META.pop(MATCH_KEY, None)
        if match is None or hasattr(request, "urlconf"):
            return super().resolve_request(request)
        request.resolver_match = match
        return match


def lean_match(environ):
    """The URL match of a POST to a ``@lean_post`` view, or None."""
    if environ.get("REQUEST_METHOD") != "POST":
        return None
    path = get_path_info(environ)
    # i18n_patterns match only the active language's prefix, as LocaleMiddleware will have set it.
    language = translation.get_language_from_path(path)
    try:
        if language:
            with translation.override(language):
                match = get_resolver().resolve(path)
        else:
            match = get_resolver().resolve(path)
    except Resolver404:
        return None
    return match if getattr(match.func, "lean_post", False) else None


class LeanPostRoutes:
    """Wraps the site's WSGI application: a POST to a ``@lean_post`` view goes to ``lean``, the rest on."""

    def __init__(self, application, lean: WSGIHandler | None = None):
        self.application = application
        self.lean = lean or LeanHandler()

    def __call__(self, environ, start_response):
        match = lean_match(environ)
        if match is None:
            return self.application(environ, start_response)
        environ[MATCH_KEY] = match
        return self.lean(environ, start_response)
