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
import uuid

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

    def request(self, path: str, data: dict | bytes | None = None, headers: dict | None = None, timeout: float = 30):
        """(status, headers, body text); an HTTP error status is returned, not raised. ``data``: form fields, or a
        body already encoded (with its Content-Type in ``headers``)."""
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
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

    def post_file(self, path: str, fields: dict, name: str, filename: str, content: bytes):
        """POST ``fields`` and one file (field ``name``) as multipart/form-data, as a browser's upload form does."""
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f'Content-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + f'\r\n--{boundary}--\r\n'.encode()
        )
        headers = {'Content-Type': f'multipart/form-data; boundary={boundary}'}
        return self.request(path, data=b''.join(parts), headers=headers)

    def csrf_token(self, path: str) -> str:
        """The CSRF token of the form on ``path``."""
        status, _headers, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            fail(f'{path}: status {status}, no form')
        return token[1]

    def log_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        form = {'csrfmiddlewaretoken': self.csrf_token('/accounts/login/'), 'username': username, 'password': password}
        status, headers, _page = self.request('/accounts/login/', data=form)
        if status != 302:
            fail(f'login as {username}: status {status} (expected a redirect)')
