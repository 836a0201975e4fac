"""Keep readers' browsers talking to us alone.

Readers in repressive contexts must not leak their visit to third parties, so every public
page carries a Content-Security-Policy that allows our own origin only. Wagtail's admin is
left to Wagtail, which serves its own assets locally.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

SAME_ORIGIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class SameOriginPolicyMiddleware:
    """Add a same-origin Content-Security-Policy to every response outside the admin."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/django-admin/", settings.STATIC_URL)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(self.admin_prefixes):
            response.headers.setdefault("Content-Security-Policy", SAME_ORIGIN_POLICY)
        return response
