"""A small HTTP client for the stack scripts (standard library only): cookies kept, every request said to come
over HTTPS through the proxy (X-Forwarded-Proto), so the production settings' secure cookies and CSRF checks apply
as they would behind nginx."""

import http.cookiejar
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE_URL = os.environ.get('SSRHUB_BASE_URL', 'http://127.0.0.1:8000')
DEMO_PASSWORD = 'ssrhub-demo-2026'


def fail(message: str) -> None:
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base_url: str = BASE_URL):
        self.base_url = base_url
        origin = urllib.parse.urlsplit(base_url)
        self.origin = f'https://{origin.netloc}'
        # The session cookie is Secure: the connection to gunicorn is plain HTTP on loopback, HTTPS for Django.
        self.cookies = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=('https', 'http')))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, path: str, data: dict | None = None, headers: dict | None = None, timeout: float = 30):
        """(status, headers, body text); an HTTP error status is returned, not raised."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={
                'X-Forwarded-Proto': 'https',
                'Origin': self.origin,
                'Referer': self.origin + path,
                **(headers or {}),
            },
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors='replace')

    def get(self, path: str, **kwargs):
        return self.request(path, **kwargs)

    def log_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        status, _headers, page = self.get('/accounts/login/')
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            fail(f'login page: status {status}, no form')
        form = {'csrfmiddlewaretoken': token[1], 'username': username, 'password': password}
        status, headers, _page = self.request('/accounts/login/', data=form)
        if status != 302:
            fail(f'login as {username}: status {status} (expected a redirect)')
