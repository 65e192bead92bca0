"""Liveness, readiness and metrics for the operator's probes and Prometheus (docs/operations.md, "Health and
metrics"). No login: a load balancer or Prometheus has no session. They say nothing a stranger could use."""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from ssrhub.core.health import readiness
from ssrhub.core.metrics import exposition

__all__ = ['live', 'metrics', 'ready']


@never_cache
@require_GET
def live(request):
    """The process answers; nothing else is asked (a database outage must not have the processes restarted)."""
    return JsonResponse({'status': 'ok'})


@never_cache
@require_GET
def ready(request):
    results = readiness()
    passed = all(results.values())
    return JsonResponse(
        {
            'status': 'ok' if passed else 'failing',
            'checks': {name: 'ok' if ok else 'failing' for name, ok in results.items()},
        },
        status=200 if passed else 503,
    )


def _may_read_metrics(request) -> bool:
    if settings.METRICS_TOKEN:
        given = request.headers.get('Authorization', '').removeprefix('Bearer ').strip()
        return hmac.compare_digest(given.encode(), settings.METRICS_TOKEN.encode())
    # No token: only a request made on this machine, not one relayed by the proxy (which always adds the header).
    if 'X-Forwarded-For' in request.headers:
        return False
    try:
        return ipaddress.ip_address(request.META.get('REMOTE_ADDR', '')).is_loopback
    except ValueError:
        return False


@never_cache
@require_GET
def metrics(request):
    if not _may_read_metrics(request):
        return HttpResponse(status=403)
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
