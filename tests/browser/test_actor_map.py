"""A country editor opens the Central African security-sector map: the graph is drawn over the tables, an actor can
be selected, and without JavaScript the tables remain."""

import pytest
from playwright.sync_api import expect

from ssrhub.countries.models import Actor
from ssrhub.countries.tests.test_actor_views import car_sector

pytestmark = pytest.mark.browser

MAP = '/countries/CAF/workspace/actors/'


def test_security_sector_map_draws_the_graph_with_its_legend(page, log_in, screenshot, axe_violations):
    Actor.objects.filter(country__iso3='CAF').delete()  # the demo's map is drawn below; this test knows its own
    actors = car_sector()
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'editor')
    page.goto(MAP)
    graph = page.locator('#actor-graph')
    expect(graph).to_have_attribute('data-graph-state', 'ready')
    expect(page.locator('#actor-graph-section')).to_be_visible()
    assert page.locator('#actor-graph canvas').count() >= 1
    assert page.evaluate("document.getElementById('actor-graph').cytoscape.nodes('[!isArea]').length") == 9
    assert page.evaluate("document.getElementById('actor-graph').cytoscape.edges().length") == 7
    legend = page.locator('#actor-graph-legend')
    for text in (
        'Core security actors (3)',
        'Non-state actors (2)',
        'Non-statutory (dashed outline)',
        'integrates into',
    ):
        expect(legend).to_contain_text(text)
    assert legend.locator('svg').count() == 4 + 2 + 5

    screenshot(page, 'actors-map-caf', full_page=True)

    # Selecting an actor shows its details (both headcounts, the sources disagree) and a link to its row.
    page.evaluate(f"document.getElementById('actor-graph').cytoscape.$('#actor-{actors['FACA'].pk}').select()")
    details = page.locator('#actor-graph-details')
    expect(details).to_contain_text('Forces armées centrafricaines (FACA)')
    expect(details).to_contain_text('9,400')
    expect(details).to_contain_text('7,800')
    expect(details).to_contain_text('Sources disagree')
    expect(details).to_contain_text('UPC integrates into FACA')
    screenshot(page, 'actors-map-caf-selected', clip={'x': 0, 'y': 250, 'width': 1280, 'height': 700})
    details.get_by_role('link', name='Show in the table').click()
    expect(page).to_have_url(f'{page.url.split("#")[0]}#actor-{actors["FACA"].pk}')
    assert not axe_violations(page)


def test_demo_map_of_the_central_african_republic(page, log_in, screenshot):
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'viewer')
    page.goto(MAP)
    expect(page.locator('#actor-graph')).to_have_attribute('data-graph-state', 'ready')
    drawn = page.evaluate("document.getElementById('actor-graph').cytoscape.nodes('[!isArea]').length")
    assert drawn == Actor.objects.filter(country__iso3='CAF').count()
    screenshot(page, 'actors-map-caf-demo', full_page=True)


def test_without_javascript_the_tables_remain(browser, live_server, demo):
    Actor.objects.filter(country__iso3='CAF').delete()
    car_sector()
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto('/accounts/login/')
    page.get_by_label('Username').fill('viewer')
    page.get_by_label('Password').fill('ssrhub-demo-2026')
    page.get_by_role('button', name='Log in').click()
    page.goto(MAP)
    expect(page.locator('#actor-graph-section')).to_be_hidden()
    expect(page.get_by_role('rowheader', name='Forces armées centrafricaines')).to_be_visible()
    expect(page.locator('#relations-table tbody tr')).to_have_count(7)
    expect(page.get_by_role('link', name='Add an actor')).to_have_count(0)
    context.close()


def test_editor_previews_then_applies_a_csv_import(page, log_in, screenshot, axe_violations):
    Actor.objects.filter(country__iso3='CAF').delete()
    car_sector()
    log_in(page, 'editor')
    page.goto(MAP)
    page.get_by_role('link', name='Import a CSV file').click()
    csv_text = (
        'actor,relation,other_actor,note\n'
        'MDNRA,funds,FACA,\n'
        'Ministère des Finances,funds,FACA,\n'
        'AN,oversees,MISP,Commission défense et sécurité\n'
    )
    page.get_by_label('CSV file').set_input_files(
        files=[{'name': 'caf-relations.csv', 'mimeType': 'text/csv', 'buffer': csv_text.encode()}]
    )
    page.get_by_role('button', name='Preview').click()
    expect(page.locator('#import-errors')).to_contain_text('No actor named "Ministère des Finances"')
    expect(page.locator('#import-confirm-form')).to_have_count(0)
    assert not axe_violations(page)

    page.get_by_label('Upload another file').set_input_files(
        files=[{'name': 'caf-relations.csv', 'mimeType': 'text/csv', 'buffer': csv_text.replace(
            'Ministère des Finances,funds,FACA,\n', ''
        ).encode()}]
    )  # fmt: skip
    page.get_by_role('button', name='Preview').click()
    expect(page.locator('#import-create tbody tr')).to_have_count(2)
    screenshot(page, 'actors-import-preview', full_page=True)
    assert not axe_violations(page)
    page.get_by_role('button', name='Apply this import').click()
    page.wait_for_url(f'**{MAP}')
    expect(page.locator('.alert-success')).to_contain_text('2 relations added')
    expect(page.locator('#relations-table tbody tr')).to_have_count(9)
