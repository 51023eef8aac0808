"""Production settings. Every value comes from the environment; defaults exist only where they are safe.

``.env.example`` documents each variable. ``dev.py`` and ``test.py`` relax a few of them.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from . import content_security, schedule, shared_caches
from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment: every variable the site reads, with its type and default ----------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")  # no default: fails closed
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", "")
SQLITE_PATH = Path(env_str("SQLITE_PATH", str(BASE_DIR / "var" / "phakhi.sqlite3")))
CACHE_URL = env_str("CACHE_URL", "locmem://")
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
PARTNERS_PRIVATE_ROOT = env_str("PARTNERS_PRIVATE_ROOT", str(BASE_DIR / "var" / "private"))  # never served
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static"))
DEMO_CREDENTIALS_DIR = env_str("DEMO_CREDENTIALS_DIR", str(BASE_DIR / "var"))  # load_demo_data's passwords
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
HTTPS = env_bool("HTTPS", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
# EMAIL_BACKEND (the variable) says how mail is delivered; the site itself always writes to the outbox, which
# the worker delivers with it (site_project/outbox.py), so no e-mail is lost to a mail server that is down.
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_BACKEND = "site_project.outbox.OutboxBackend"
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Phakhi <no-reply@localhost>")
TASKS_BACKEND = env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
# The address the site is served at: every absolute link it writes (e-mails, sharing, og:url, sitemaps, the
# API) starts with it, and the default Wagtail Site is kept in step (site_project/public_url.py).
PUBLIC_URL = env_str(
    "PUBLIC_URL",
    env_str(  # the variable's old name, still honoured
        "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "http://127.0.0.1:8000"
    ),
).rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_URL
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING")
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 10)  # also the s-maxage a shared cache in front is given
# The Varnish in front, banned on every publish (pagecache/shared.py); empty: none.
VARNISH_URL = env_str("VARNISH_URL", "")
CLOUDFLARE_ZONE_ID = env_str("CLOUDFLARE_ZONE_ID", "")  # a CDN in front: the published page is purged from it
CLOUDFLARE_API_TOKEN = env_str("CLOUDFLARE_API_TOKEN", "")
CLOUDFRONT_DISTRIBUTION_ID = env_str("CLOUDFRONT_DISTRIBUTION_ID", "")
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
IP_HASH_KEY = env_str("IP_HASH_KEY", "")  # empty: derived from SECRET_KEY
PETITION_RATE_LIMIT_BURST = env_str("PETITION_RATE_LIMIT_BURST", "10/60")  # signatures / seconds, per IP
PETITION_RATE_LIMIT_SUSTAINED = env_str("PETITION_RATE_LIMIT_SUSTAINED", "50/3600")
PETITION_RATE_LIMIT_ALLOWLIST = env_list("PETITION_RATE_LIMIT_ALLOWLIST")  # CIDRs that skip the limits
PETITION_MIN_SECONDS_TO_SUBMIT = env_int("PETITION_MIN_SECONDS_TO_SUBMIT", 3)
PETITION_PRIVACY_NOTICE_VERSION = env_str("PETITION_PRIVACY_NOTICE_VERSION", "2026-11-01")
PETITION_CONFIRMATION_HOURS = env_int("PETITION_CONFIRMATION_HOURS", 72)
PETITION_RETENTION_MONTHS = env_int("PETITION_RETENTION_MONTHS", 12)
PETITION_OPEN_RETENTION_MONTHS = env_int("PETITION_OPEN_RETENTION_MONTHS", 12)  # undated: from last signing
PETITION_IP_HASH_DAYS = env_int("PETITION_IP_HASH_DAYS", 7)  # then a signature's IP address hash is blanked
PETITION_NEUTRAL_FROM_EMAIL = env_str("PETITION_NEUTRAL_FROM_EMAIL", "")  # empty: bare DEFAULT_FROM_EMAIL
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)  # failed sign-ins per account or per address
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 30)  # how long a lock lasts after the last failure
PASSWORD_RESET_RATE_LIMIT = env_str("PASSWORD_RESET_RATE_LIMIT", "5/3600")  # requests / seconds, per IP
POLICY_RESPONSE_DAYS = env_int("POLICY_RESPONSE_DAYS", 30)  # a delivered demand's default answer deadline
POLICY_VERY_OVERDUE_DAYS = env_int("POLICY_VERY_OVERDUE_DAYS", 30)  # days past the deadline: "very overdue"
# The dossiers' digest key; empty: derived from SECRET_KEY. Keep it unchanged to verify old dossiers.
DOSSIER_DIGEST_KEY = env_str("DOSSIER_DIGEST_KEY", "")

if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters when DEBUG is off.")
_public = urlsplit(PUBLIC_URL)
if (
    _public.scheme not in ("http", "https")
    or not _public.hostname
    or _public.path
    or _public.query
    or _public.fragment
    or (_public.scheme == "https" and _public.port not in (None, 443))
):
    raise ImproperlyConfigured(
        f"PUBLIC_URL must be http://<host>[:<port>] or https://<host>, with no path, not {PUBLIC_URL!r}."
    )

# --- Applications --------------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "site_project",
    "site_project.search",
    "partners",
    "petitions",
    "campaigns",
    "stories",
    "advocacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "site_project.middleware.CompressTextMiddleware",
    # Next, so that a repeat anonymous read is served before any other work (its stored response already
    # carries the headers the middleware below adds).
    "site_project.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "site_project.middleware.SecurityHeadersMiddleware",
    # Turns a database that cannot be reached into a 503 (and, above, the page's last good copy).
    "site_project.middleware.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_project.middleware.LocaleMiddleware",
    "site_project.input_guard.InputGuardMiddleware",  # invalid UTF-8: a translated 400, before the CSRF check
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the login page a view rendered and can turn a lockout into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_project.urls"
WSGI_APPLICATION = "site_project.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------------------------------
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # A database host that drops packets must cost a request seconds, not the worker's whole timeout.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
else:
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # Kept open between requests, as PostgreSQL's are: a new connection reads the whole schema
            # (540 tables and indexes) before its first query, 3 ms of CPU on every request.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=20000;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA temp_store=MEMORY;"
                    "PRAGMA cache_size=-20000;"
                ),
            },
        }
    }


# --- Cache ---------------------------------------------------------------------------------------------------
def _cache_from_url(url: str) -> dict:
    parts = urlsplit(url)
    backends = {
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
        # Shared by the processes of one machine; add and incr are atomic across them (site_project/cache.py).
        "file": "site_project.cache.SharedFileBasedCache",
        # Falls back to process memory while Redis is away instead of failing every request.
        "redis": "site_project.cache.FailSoftRedisCache",
        "rediss": "site_project.cache.FailSoftRedisCache",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"CACHE_URL scheme must be one of {sorted(backends)}, not {url!r}.")
    config: dict = {"BACKEND": backends[parts.scheme], "KEY_PREFIX": "phakhi"}
    if parts.scheme == "file":
        config["LOCATION"] = parts.path
        config["OPTIONS"] = {"MAX_ENTRIES": 5000}  # Django's 300 would cull rate-limit counters with pages
    elif parts.scheme.startswith("redis"):
        config["LOCATION"] = url
    return config


CACHES = {"default": _cache_from_url(CACHE_URL)}

# --- Background tasks ----------------------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

# --- Scheduled jobs: (name, "minute" or a daily Bangkok "HH:MM", command), listed in schedule.py -----------
SCHEDULED_JOBS = schedule.SCHEDULED_JOBS

# --- Passwords and accounts ----------------------------------------------------------------------------------
# django-axes throttles every sign-in (partner portal and admin) through the first backend; failures are rows
# in the database, so all web processes share one count. See site_project/logins.py.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locks: per account and per address
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a lock ends on time, however often it is tried
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not logged with their IP address
AXES_USERNAME_CALLABLE = "site_project.logins.normalised_username"
AXES_CLIENT_IP_CALLABLE = "site_project.logins.client_ip"
AXES_LOCKOUT_CALLABLE = "site_project.logins.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "password1", "password2"]
WAGTAILADMIN_USER_LOGIN_FORM = "site_project.logins.AdminLoginForm"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------------------------------------
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", _("Thai")),
    ("en", _("English")),
    ("km", _("Khmer")),
    ("my", _("Burmese")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "site_project" / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# --- Static and media files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31_536_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Security ------------------------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer checks over plain HTTP on the private side
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "site_project.input_guard.csrf_failure"  # a translated page that says what to do
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp): the public and the admin policy, in content_security.py ----------
CONTENT_SECURITY_POLICY = content_security.CONTENT_SECURITY_POLICY
ADMIN_CONTENT_SECURITY_POLICY = content_security.ADMIN_CONTENT_SECURITY_POLICY

# --- E-mail --------------------------------------------------------------------------------------------------
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20

# --- Wagtail -------------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Phakhi ภาคี"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILFRONTENDCACHE = shared_caches.cdn_backends(
    cloudflare_zone_id=CLOUDFLARE_ZONE_ID,
    cloudflare_api_token=CLOUDFLARE_API_TOKEN,
    cloudfront_distribution_id=CLOUDFRONT_DISTRIBUTION_ID,
)
# Its signal handlers enqueue a purge task on every publish: installed only with a CDN to purge.
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append(shared_caches.FRONTEND_CACHE_APP)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "Thai"), ("en", "English")]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# "Translate" makes a draft in the new language (an untranslated copy must never go live): a translator fills it
# in and publishes it from the editor. Snippets, which have no drafts, are still saved at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Forms ---------------------------------------------------------------------------------------------------
# One template pack of our own (templates/phakhi/), written for static/css/site.css: no framework's class names.
CRISPY_ALLOWED_TEMPLATE_PACKS = ("phakhi",)
CRISPY_TEMPLATE_PACK = "phakhi"

# --- Logging: warnings and errors to the console, where gunicorn and the worker write -------------------------
# A refused attack (Django's SuspiciousOperation family on django.security.<name>) is one WARNING line, and a
# request that found the database away one ERROR line without its traceback (site_project/logs.py). Logger
# filters only see their own logger's records, so each django.security logger is named; the console
# handler's filter catches any other.
REFUSED_REQUEST_LOGGERS = [
    f"django.security.{name}"
    for name in (
        "DisallowedHost",
        "DisallowedModelAdminLookup",
        "DisallowedModelAdminToField",
        "DisallowedRedirect",
        "InvalidSessionKey",
        "RequestDataTooBig",
        "SuspiciousFileOperation",
        "SuspiciousMultipartForm",
        "SuspiciousOperation",
        "SuspiciousSession",
        "TooManyFieldsSent",
        "TooManyFilesSent",
    )
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refused_request": {"()": "site_project.logs.RefusedRequestFilter"},
        "database_outage": {"()": "site_project.logs.DatabaseOutageFilter"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["refused_request"]}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
            "filters": ["database_outage"],
        },
        **{name: {"filters": ["refused_request"]} for name in REFUSED_REQUEST_LOGGERS},
    },
}
