"""One sitemap per language, listed in /sitemap.xml. Only live, public pages appear."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LanguageSitemap(Sitemap):
    language_code = ""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(locale__language_code=self.language_code, depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def language_sitemaps() -> dict:
    return {
        code: type(f"{code.title()}Sitemap", (LanguageSitemap,), {"language_code": code})
        for code, _name in settings.LANGUAGES
    }
