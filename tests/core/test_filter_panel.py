"""Every list page (the generic object list and the lists of a country workspace) shows its filters through one
include, ``core/includes/filtered_table.html``: the same panel, its heading one level under the page's."""

import re
from pathlib import Path

import pytest

from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

PANEL = re.compile(r'<aside class="col-lg-3 order-lg-2">(.*?)</aside>', re.S)
FIELD = re.compile(r'<div class="mb-2">.*?</div>', re.S)


def panel(html: str) -> str:
    """The filter panel without its fields, its note, its id and the path it asks, blank lines aside."""
    found = PANEL.findall(html)
    assert len(found) == 1, 'one filter panel per page'
    text = re.sub(r'<p class="small text-body-secondary">.*?</p>', '', FIELD.sub('', found[0]))
    text = re.sub(r' (id|hx-get|href)="[^"]*"', '', text)
    text = re.sub(r'<h[23] ', '<h ', re.sub(r'</h[23]>', '</h>', text))
    return re.sub(r'\s+', ' ', text)


def test_the_object_lists_and_the_workspace_lists_show_the_same_filter_panel(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER, countries=('LBR',)))
    pages = {
        url: client.get(url).content.decode()
        for url in (
            '/coordination/organisations/',
            '/finance/rates/',
            '/countries/LBR/workspace/activities/',
            '/countries/LBR/workspace/fora/decisions/',
        )
    }
    panels = {url: panel(html) for url, html in pages.items()}
    assert len(set(panels.values())) == 1, panels
    assert '<noscript>' not in panels['/finance/rates/'] and 'type="submit">Apply</button>' in panels['/finance/rates/']
    # Under the list's h1 on its own page, under the tab's h2 in a workspace.
    assert '<h2 class="h6">Filter</h2>' in pages['/finance/rates/']
    assert '<h3 class="h6">Filter</h3>' in pages['/countries/LBR/workspace/activities/']


def test_no_template_keeps_its_own_copy_of_the_filter_panel():
    root = Path(__file__).resolve().parents[2] / 'ssrhub'
    copies = [
        path.relative_to(root).as_posix()
        for path in root.glob('*/templates/**/*.html')
        if 'hx-target="#object-table"' in path.read_text(encoding='utf-8')
    ]
    assert copies == ['core/templates/core/includes/filtered_table.html']
