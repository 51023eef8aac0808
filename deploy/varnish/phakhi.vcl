vcl 4.1;
# Varnish in front of Phakhi's gunicorn (deploy/varnish/README.md). Debian's varnish 7.1 package.
#
# Caches only what the site marks shareable: anonymous public pages answered with
# "Cache-Control: public, max-age=N, s-maxage=N" (site_project/pagecache) and static files. Passes signing,
# confirming and every other form post, the admin, the partner portal and anyone with a session. The site
# sends one BAN for its host on every publish (site_project/pagecache/shared.py, VARNISH_URL).

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";               # gunicorn; the bench and the live test start varnishd with their own -b
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may PURGE and BAN: the web machines themselves. Add the web machines' private addresses when Varnish
# runs on a machine of its own.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # --- Invalidation: only from the purgers -----------------------------------------------------------------
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every object of the host (any port), or only the paths matching X-Ban-Url when it is sent.
        if (!req.http.X-Ban-Url) {
            set req.http.X-Ban-Url = "^/";
        }
        ban("obj.http.x-host == " + regsub(req.http.host, ":[0-9]+$", "") +
            " && obj.http.x-url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }

    # --- Never cached: writes, the admin, the portal, forms with CSRF tokens, anyone signed in ----------------
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);  # signing, confirming, RSVPs, stories, logins: every POST goes to the site as it came
    }
    if (req.url ~ "^/admin(/|$)"
        || req.url ~ "^/documents/"                       # Wagtail serves documents after a privacy check
        || req.url ~ "^/healthz"
        || req.url ~ "^/[a-z]{2}(-[a-z]+)?/account(/|$)"  # the partner portal, paper batches, reach
        || req.url ~ "^/[a-z]{2}(-[a-z]+)?/petitions/(sign|thanks|confirm|confirmed|unsubscribe|cosign)/"
        || req.url ~ "^/[a-z]{2}(-[a-z]+)?/campaigns/rsvp/"
        || req.url ~ "^/[a-z]{2}(-[a-z]+)?/stories/share/"
        || req.url ~ "^/embed/petitions/[0-9]+/(sign|thanks)/"
        || req.url ~ "^/(\?.*)?$") {                      # the language redirect reads the language cookie
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);  # signed in, or a message waits to be shown: a page of one's own
    }

    # --- Cacheable: one copy for every anonymous reader --------------------------------------------------------
    # No cookie changes an anonymous page (the site keys its own cache the same way): analytics cookies, the
    # language cookie and a CSRF cookie left by a form elsewhere would only split the cache (Vary: Cookie).
    unset req.http.Cookie;
    # Tracking parameters no page reads. utm_source, utm_medium, utm_campaign and src are kept: the petition
    # and campaign pages record them as the signature's or RSVP's source (petitions/apps.py).
    set req.url = regsuball(req.url,
        "([?&])(utm_(content|term|id)|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|twclid|ttclid|_ga|_gl)=[^&]*",
        "\1");
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&+", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    # One copy gzipped (Varnish unzips it for the rare reader who does not accept gzip).
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Kept for bans (lurker-friendly: matched on the object, not the request); removed before delivery.
    set beresp.http.x-host = regsub(bereq.http.host, ":[0-9]+$", "");
    set beresp.http.x-url = bereq.url;

    # Only what the site says may be shared, for as long as it says (s-maxage, else max-age). Anything without
    # an explicit lifetime (JSON, redirects, error pages) is not kept: Varnish's 120 s default would serve
    # stale counts and answers the site never meant to share.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;  # remembered as "pass" for 30 s, so that readers are not queued behind it
        return (deliver);
    }
    if (!beresp.http.Vary) {
        set beresp.http.Vary = "Accept-Encoding";
    } else if (beresp.http.Vary !~ "(?i)Accept-Encoding") {
        set beresp.http.Vary = beresp.http.Vary + ", Accept-Encoding";
    }
    # The page cache's own marker and age say nothing about Varnish's copy.
    unset beresp.http.X-Page-Cache;
    set beresp.grace = 2s;  # while a fresh copy is fetched, readers get the one just expired (2 s, so a
                            # count is never much older than s-maxage)
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-url;
    unset resp.http.Via;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
