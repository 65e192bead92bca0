"""Content-Security-Policy and Permissions-Policy on every response (pages, the API, errors, the admin); the
report-only switch; no template holds what the policy refuses (the browser check is tests/browser/
test_security_headers.py)."""

import re

import pytest
from django.conf import settings
from django.test import override_settings

URLS = ['/', '/mandates/', '/api/', '/api/core/countries/', '/no-such-page/', '/admin/login/', '/accounts/login/']


def directives(header: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in header.split(';'))}


@pytest.mark.django_db
@pytest.mark.parametrize('url', URLS)
def test_every_response_carries_the_policies(client, url):
    response = client.get(url)
    policy = directives(response.headers['Content-Security-Policy'])
    assert policy['script-src'] == ["'self'"]
    assert policy['style-src-elem'] == ["'self'"]
    assert policy['default-src'] == ["'self'"]
    assert policy['img-src'] == ["'self'", 'data:']
    assert policy['connect-src'] == ["'self'"]
    assert policy['object-src'] == ["'none'"]
    assert policy['frame-ancestors'] == ["'none'"]
    assert policy['form-action'] == ["'self'"]
    assert policy['base-uri'] == ["'self'"]
    assert 'Content-Security-Policy-Report-Only' not in response.headers
    permissions = dict(item.split('=') for item in response.headers['Permissions-Policy'].split(', '))
    for feature in ('camera', 'microphone', 'geolocation', 'payment', 'usb'):
        assert permissions[feature] == '()'


@pytest.mark.django_db
@pytest.mark.parametrize('switch', [{'SSRHUB_CSP_REPORT_ONLY': True}, {'DEBUG': True}], ids=['report-only', 'debug'])
def test_report_only_reports_and_blocks_nothing(client, switch):
    with override_settings(SSRHUB_CSP_REPORT_URI='https://reports.example.org/csp', **switch):
        response = client.get('/')
    assert 'Content-Security-Policy' not in response.headers
    policy = directives(response.headers['Content-Security-Policy-Report-Only'])
    assert policy['script-src'] == ["'self'"]
    assert policy['report-uri'] == ['https://reports.example.org/csp']


# What the policy refuses in a page: a script element with code, an event handler attribute, a javascript: address,
# htmx's hx-on (evaluated code).
REFUSED = re.compile(r'<script(?![^>]*\bsrc=)|\son[a-z]+\s*=\s*["\']|javascript:|\bhx-on\b', re.IGNORECASE)


def test_no_template_holds_inline_script():
    found = [
        f'{path}:{number}: {line.strip()[:120]}'
        for path in sorted((settings.BASE_DIR / 'ssrhub').rglob('templates/**/*.html'))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if REFUSED.search(line)
    ]
    assert not found, '\n'.join(found)
