from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from advocacy.dossiers import urls as dossier_urls
from campaigns.sitemaps import language_sitemaps
from petitions import urls as petitions_urls

from . import routing, views
from .search import urls as search_urls
from .share_cards import urls as share_card_urls

handler400 = "site_project.input_guard.bad_request_page"
handler404 = "site_project.views.page_not_found"
handler500 = "site_project.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        views.sitemap_index,
        {"sitemaps": language_sitemaps(), "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": language_sitemaps()},
        name="sitemap_section",
    ),
    path("", include(petitions_urls.public_urlpatterns)),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("", include(petitions_urls)),
    path("", include("campaigns.urls")),
    path("", include("stories.urls")),
    path("account/reach/", include("advocacy.reach.urls")),
    path("", include(dossier_urls.public_urlpatterns)),
    path("account/", include("partners.urls")),
    path("", include(search_urls)),
    path("", include(share_card_urls)),
    # Wagtail's pages, served with the site, route and view restrictions kept per process (routing.py).
    path("", include([p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
