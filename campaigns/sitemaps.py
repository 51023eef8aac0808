"""One sitemap per language, listed in /sitemap.xml. Only live, public pages appear (no untranslated copy), each
at PUBLIC_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from site_project.public_url import absolute_url
from site_project.untranslated import NOT_UNTRANSLATED


class LanguageSitemap(Sitemap):
    language_code = ""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(NOT_UNTRANSLATED, locale__language_code=self.language_code, depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail writes each ``<loc>`` from the Site's hostname; the address the site is served at wins, even
        when the Site still says ``localhost`` (``public_url.sync_default_site`` runs only on migrate)."""
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = absolute_url(urlsplit(url["location"])._replace(scheme="", netloc="").geturl())
        return urls


def language_sitemaps() -> dict:
    return {
        code: type(f"{code.title()}Sitemap", (LanguageSitemap,), {"language_code": code})
        for code, _name in settings.LANGUAGES
    }
