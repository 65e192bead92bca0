"""Load test: logged-in clients at once over the heavy pages, then the same clients on a light page.

Run against a running site holding the demo and the 1946-1994 corpus (`ssrhub setup --demo`), e.g. gunicorn with
3 workers on PostgreSQL:
    .venv/bin/python bench/load.py --base-url http://127.0.0.1:8000 [--clients 20] [--seconds 60]
        [--username analyst] [--password ssrhub-demo-2026] [--json summary.json]
Each client logs in (login form, CSRF token, session cookie) as the same demo user. The URLs are read from the
site as that user sees it: mission matrices from /mandates/, country workspaces and actor maps from the home page's
workspaces; searches use the words below and the missions found. Every URL is fetched once before the clock starts
(warm caches, as on a site in use). For --seconds the clients then request the heavy pages in turn (mandates
matrix, trends, country workspace, actors, paragraph search, global search), and for --light-seconds the light
page (the password change form: layout, session and user, no query of the user's data). Prints a table per page
(requests, errors, median, 95th percentile, max) with each phase's requests per second, then a JSON summary; exits
1 when a target is missed: any error, the heavy pages' 95th percentile at or over --p95-ms, or their throughput
under --min-ratio times the light page's. Uses only the standard library and requests (pinned in pyproject.toml).
"""

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import threading
import time
from urllib.parse import quote, urljoin, urlsplit

import requests

LIGHT_PAGE = '/accounts/password_change/'
LOGIN_PAGE = '/accounts/login/'
SEARCH_WORDS = ('police', 'security sector reform', 'elections', 'disarmament', 'human rights', 'justice')
MATRIX = re.compile(r'href="(/mandates/missions/[^"/?#]+/matrix/)"')
WORKSPACE = re.compile(r'href="/countries/([A-Z]{3})/workspace/"')
MISSION = re.compile(r'href="/mandates/missions/([^"/?#]+)/"')
TIMEOUT = 30


class LoginFailed(Exception):
    pass


def get(session: requests.Session, url: str) -> requests.Response:
    """GET through the proxy's eyes. Every request says it came over HTTPS (X-Forwarded-Proto), so a production
    site can be measured on gunicorn's plain HTTP port as it runs behind nginx; the cookies it marks Secure are kept
    sendable over that plain connection (requests would otherwise drop them)."""
    response = session.get(url, timeout=TIMEOUT, allow_redirects=False)
    _sendable_over_http(session)
    return response


def _sendable_over_http(session: requests.Session) -> None:
    for cookie in session.cookies:
        cookie.secure = False


def log_in(base_url: str, username: str, password: str) -> requests.Session:
    """A session signed in through the login form, as a browser does it."""
    session = requests.Session()
    session.headers['X-Forwarded-Proto'] = 'https'
    login = urljoin(base_url, LOGIN_PAGE)
    get(session, login).raise_for_status()
    response = session.post(
        login,
        data={'username': username, 'password': password, 'csrfmiddlewaretoken': session.cookies.get('csrftoken', '')},
        headers={'Referer': f'https://{urlsplit(base_url).netloc}{LOGIN_PAGE}'},
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    _sendable_over_http(session)
    next_page = response.headers.get('Location', '')
    if response.status_code != 302 or next_page.startswith(LOGIN_PAGE):
        raise LoginFailed(f'{username} could not log in at {login} (status {response.status_code}).')
    if '/two-factor/' in next_page:
        raise LoginFailed(f'{username} must verify a second factor: use an account that reads no sensitive record.')
    return session


def discover(session: requests.Session, base_url: str) -> dict[str, list[str]]:
    """The heavy pages' URLs, per page, as the signed-in user finds them on the site."""
    mandates = get(session, urljoin(base_url, '/mandates/')).text
    home = get(session, urljoin(base_url, '/')).text
    matrices = sorted(set(MATRIX.findall(mandates)))
    countries = sorted(set(WORKSPACE.findall(home)))
    missions = sorted(set(MISSION.findall(mandates)))[:10]
    if not matrices or not countries:
        raise SystemExit('No mission matrix on /mandates/ or no country workspace on the home page: load the demo.')
    words = [*SEARCH_WORDS, *(mission.replace('%20', ' ') for mission in missions)]
    return {
        'mandates matrix': matrices,
        'trends': ['/mandates/trends/', '/mandates/trends/?measure=codes', '/mandates/trends/?from=1988&to=1994'],
        'country workspace': [f'/countries/{iso3}/workspace/' for iso3 in countries],
        'actors': [f'/countries/{iso3}/workspace/actors/' for iso3 in countries],
        'paragraph search': [f'/paragraphs/?q={quote(word)}' for word in words],
        'global search': [f'/search/?q={quote(word)}' for word in words],
    }


def run_phase(sessions, base_url: str, plan: list[tuple[str, str]], seconds: float):
    """Every session requests ``plan``'s (page, URL) pairs in turn, from a random start, for ``seconds``; returns
    the (page, milliseconds, error) of each request and the phase's wall seconds."""
    results, lock = [], threading.Lock()
    deadline = time.monotonic() + seconds

    def client(session, start):
        mine = []
        for page, url in itertools.islice(itertools.cycle(plan), start, None):
            if time.monotonic() >= deadline:
                break
            began = time.perf_counter()
            try:
                response = get(session, urljoin(base_url, url))
                error = None if response.status_code == 200 else f'{response.status_code} {url}'
            except requests.RequestException as exc:
                error = f'{type(exc).__name__} {url}'
            mine.append((page, (time.perf_counter() - began) * 1000, error))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(session, random.randrange(len(plan)))) for session in sessions]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - began


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.95: the 95th)."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered) + 0.5) - 1)] if ordered else 0.0


def summarise(results, wall: float) -> dict:
    pages = {}
    for page in dict.fromkeys(page for page, _ms, _error in results):
        times = [ms for name, ms, _error in results if name == page]
        pages[page] = {
            'requests': len(times),
            'errors': sum(1 for name, _ms, error in results if name == page and error),
            'median_ms': round(statistics.median(times), 1),
            'p95_ms': round(percentile(times, 0.95), 1),
            'max_ms': round(max(times), 1),
        }
    times = [ms for _page, ms, _error in results]
    return {
        'pages': pages,
        'requests': len(results),
        'errors': sum(1 for *_rest, error in results if error),
        'median_ms': round(statistics.median(times), 1) if times else None,
        'p95_ms': round(percentile(times, 0.95), 1),
        'max_ms': round(max(times, default=0), 1),
        'requests_per_second': round(len(results) / wall, 1),
        'seconds': round(wall, 1),
        'first_errors': sorted({error for *_rest, error in results if error})[:10],
    }


def print_table(heavy: dict, light: dict) -> None:
    print(f'{"page":<22} {"requests":>8} {"errors":>6} {"median ms":>9} {"p95 ms":>7} {"max ms":>7}')
    rows = [*heavy['pages'].items(), ('all heavy pages', heavy), *light['pages'].items()]
    for name, row in rows:
        print(
            f'{name:<22} {row["requests"]:>8} {row["errors"]:>6} {row["median_ms"]:>9} {row["p95_ms"]:>7} '
            f'{row["max_ms"]:>7}'
        )
    print(f'heavy pages: {heavy["requests_per_second"]} requests/s over {heavy["seconds"]} s')
    print(f'light page:  {light["requests_per_second"]} requests/s over {light["seconds"]} s')
    for error in heavy['first_errors'] + light['first_errors']:
        print(f'error: {error}')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--base-url', default='http://127.0.0.1:8000')
    parser.add_argument('--clients', type=int, default=20)
    parser.add_argument('--seconds', type=float, default=60, help='heavy pages phase')
    parser.add_argument('--light-seconds', type=float, default=20, help='light page phase')
    parser.add_argument('--username', default='analyst')
    parser.add_argument('--password', default='ssrhub-demo-2026')
    parser.add_argument('--p95-ms', type=float, default=500, help="target: the heavy pages' 95th percentile")
    parser.add_argument('--min-ratio', type=float, default=0.5, help='target: heavy over light requests per second')
    parser.add_argument('--json', help='also write the JSON summary to this file')
    args = parser.parse_args()

    try:
        sessions = [log_in(args.base_url, args.username, args.password) for _ in range(args.clients)]
    except (LoginFailed, requests.RequestException) as error:
        print(error, file=sys.stderr)
        return 1
    urls = discover(sessions[0], args.base_url)
    # Each page kind in turn, each kind's URLs in turn: every heavy page gets the same share of requests.
    plan = [
        (page, page_urls[index % len(page_urls)])
        for index in range(max(map(len, urls.values())))
        for page, page_urls in urls.items()
    ]
    for _page, url in dict.fromkeys(plan):
        get(sessions[0], urljoin(args.base_url, url))
    heavy = summarise(*run_phase(sessions, args.base_url, plan, args.seconds))
    light = summarise(*run_phase(sessions, args.base_url, [('light page', LIGHT_PAGE)], args.light_seconds))

    ratio = heavy['requests_per_second'] / light['requests_per_second'] if light['requests_per_second'] else 0
    missed = [
        *([f'{heavy["errors"] + light["errors"]} errors'] if heavy['errors'] + light['errors'] else []),
        *([f'heavy p95 {heavy["p95_ms"]} ms >= {args.p95_ms:g} ms'] if heavy['p95_ms'] >= args.p95_ms else []),
        *([f'heavy/light throughput {ratio:.2f} < {args.min_ratio:g}'] if ratio < args.min_ratio else []),
    ]
    summary = {
        'base_url': args.base_url,
        'clients': args.clients,
        'light_page': LIGHT_PAGE,
        'heavy': heavy,
        'light': light,
        'throughput_ratio': round(ratio, 2),
        'targets': {'errors': 0, 'p95_ms': args.p95_ms, 'min_ratio': args.min_ratio},
        'missed': missed,
    }
    print_table(heavy, light)
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as file:
            json.dump(summary, file, indent=2)
    for target in missed:
        print(f'target missed: {target}', file=sys.stderr)
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
