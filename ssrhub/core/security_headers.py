"""Content-Security-Policy and Permissions-Policy on every response (docs/operations.md, "Security headers").

The policies are in settings (``CONTENT_SECURITY_POLICY``, ``PERMISSIONS_POLICY``); ``SSRHUB_CSP_REPORT_ONLY`` (and
DEBUG) sends the content policy as ``Content-Security-Policy-Report-Only``: browsers report what it would block and
block nothing.
"""

from django.conf import settings


def policy_text(directives: dict[str, list[str]]) -> str:
    """``{'script-src': ["'self'"]}`` -> ``"script-src 'self'"``."""
    return '; '.join(' '.join([name, *sources]) for name, sources in directives.items())


def permissions_text(features: dict[str, list[str]]) -> str:
    """``{'camera': []}`` -> ``'camera=()'`` (no origin may use it); ``['self']`` -> ``'fullscreen=(self)'``."""
    return ', '.join(f'{feature}=({" ".join(origins)})' for feature, origins in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        directives = dict(settings.CONTENT_SECURITY_POLICY)
        if settings.SSRHUB_CSP_REPORT_URI:
            directives['report-uri'] = [settings.SSRHUB_CSP_REPORT_URI]
        # With DEBUG on, Django's own error pages (inline styles and scripts) stay usable: the policy only reports.
        report_only = settings.SSRHUB_CSP_REPORT_ONLY or settings.DEBUG
        name = 'Content-Security-Policy-Report-Only' if report_only else 'Content-Security-Policy'
        response.headers.setdefault(name, policy_text(directives))
        response.headers.setdefault('Permissions-Policy', permissions_text(settings.PERMISSIONS_POLICY))
        return response
