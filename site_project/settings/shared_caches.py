"""The CDNs Wagtail's ``wagtail.contrib.frontend_cache`` purges a published page from (Cloudflare, CloudFront).

Declarations only: ``base.py`` reads the variables and names ``WAGTAILFRONTENDCACHE``. The Varnish in front
(``VARNISH_URL``) is not one of them: ``site_project/pagecache/shared.py`` bans the whole site from it on every
content change, from the request, where these purge one page through the task worker.
"""

from importlib.util import find_spec

from django.core.exceptions import ImproperlyConfigured

FRONTEND_CACHE_APP = "wagtail.contrib.frontend_cache"


def cdn_backends(
    *, cloudflare_zone_id: str, cloudflare_api_token: str, cloudfront_distribution_id: str
) -> dict:
    """``WAGTAILFRONTENDCACHE`` for the CDNs whose settings are present (empty: none)."""
    backends = {}
    if cloudflare_zone_id or cloudflare_api_token:
        if not (cloudflare_zone_id and cloudflare_api_token):
            raise ImproperlyConfigured("Set both CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN, or neither.")
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": cloudflare_zone_id,
            "BEARER_TOKEN": cloudflare_api_token,
        }
    if cloudfront_distribution_id:
        if find_spec("boto3") is None:  # Wagtail's CloudFront backend calls AWS through boto3
            raise ImproperlyConfigured(
                "CLOUDFRONT_DISTRIBUTION_ID needs boto3 installed (pip install boto3)."
            )
        backends["cloudfront"] = {  # credentials: boto3's own (AWS_* variables or the machine's role)
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": cloudfront_distribution_id,
        }
    return backends
