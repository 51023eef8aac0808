"""The Content-Security-Policy (django-csp; site_project.middleware.SecurityHeadersMiddleware sends it).

Declarations only, read from no environment variable: ``base.py`` names both settings.
"""

from csp import constants as csp_constants

# One policy for the public site: our own files only, no inline script or style, never framed. A view adds to
# it with csp_update (a page with a video may frame the player the reader asks for, site_project/video.py) or
# sets its own with csp (the petition embed, which any site may frame).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "media-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    }
}
# The Wagtail admin, and the page previews it frames in the editor (its preview panel and accessibility
# checker): the admin ships inline scripts and styles, and a preview must be framed by the editor.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF, csp_constants.UNSAFE_INLINE],
        "style-src": [csp_constants.SELF, csp_constants.UNSAFE_INLINE],
        "img-src": [csp_constants.SELF, "data:", "blob:"],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.SELF],
    }
}
