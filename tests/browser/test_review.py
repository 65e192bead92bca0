"""A reviewer goes through S/RES/2151: one chip per code, generic mentions decided at once, a code added with its
modality, paragraphs marked reviewed with progress, the queue, the history and alpha with its sample; in EN and FR."""

import re

import pytest
from playwright.sync_api import expect

from ssrhub.coding.models import CodeAssignment, ParagraphReview
from ssrhub.coding.review import record_decision
from ssrhub.documents.models import Document, Paragraph

from .language import switch_language

pytestmark = pytest.mark.browser

SYMBOL = 'S/RES/2151 (2014)'
TEXT = {
    'en': {
        'accept_group': 'Accept all 3 components of Security sector reform (generic)',
        'reject': 'Reject Security sector reform (generic)',
        'group': 'Security sector reform (generic): 3 components',
        'accepted': 'accepted',
        'rejected': 'rejected',
        'add_code': 'Add a code',
        'code': 'Code',
        'modality': 'Modality',
        'add': 'Add code',
        'monitor': 'Monitor',
        'added': 'added',
        'mark': 'Mark reviewed',
        'undo': 'Undo “reviewed”',
        'reviewed': 'Reviewed by analyst',
        'progress': '1 of 41 paragraphs with codes marked reviewed',
        'queue': 'Documents to review',
        'next': 'Paragraph PP2',
        'history_line': 'Code rejected: Defence, paragraph 15',
        'marked': 'Paragraph 15 marked reviewed',
        'warning': 'Not yet reliable: fewer than 60 units',
        'no_variation': 'no variation',
    },
    'fr': {
        'accept_group': 'Accepter les 3 composantes\u00a0: Réforme du secteur de la sécurité (générique)',
        'reject': 'Rejeter Réforme du secteur de la sécurité (générique)',
        'group': 'Réforme du secteur de la sécurité (générique)\u00a0: 3 composantes',
        'accepted': 'accepté',
        'rejected': 'rejeté',
        'add_code': 'Ajouter un code',
        'code': 'Code',
        'modality': 'Modalité',
        'add': 'Ajouter le code',
        'monitor': 'Surveiller',
        'added': 'ajouté',
        'mark': 'Marquer comme révisé',
        'undo': 'Annuler «\u00a0révisé\u00a0»',
        'reviewed': 'Révisé par analyst',
        'progress': 'Paragraphes codés marqués comme révisés\u00a0: 1 sur 41',
        'queue': 'Documents à réviser',
        'next': 'Paragraphe PP2',
        'history_line': 'Code rejeté\u00a0: Défense, paragraphe 15',
        'marked': 'Paragraphe 15 marqué comme révisé',
        'warning': 'Pas encore fiable\u00a0: moins de 60 unités',
        'no_variation': 'aucune variation',
    },
}


def _log_in(page, log_in, username, language):
    log_in(page, username)
    switch_language(page, language)


def _reviewed(page, action):
    """Click ``action`` and wait for the htmx swap (leaving at once would cancel the request)."""
    with page.expect_response(lambda response: response.url.endswith('/review/') and response.ok):
        action.click()


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_reviewer_decides_chips_in_place_and_marks_reviewed(page, log_in, screenshot, language):
    text = TEXT[language]
    _log_in(page, log_in, 'analyst', language)
    document = Document.objects.get(symbol=SYMBOL)
    page.goto(document.get_absolute_url())
    progress = page.locator('#review-progress')
    expect(progress).to_contain_text(text['progress'].replace('1', '0', 1))
    op9 = page.locator('#p-9')
    group = op9.locator('[data-group="ssr.generic"]')
    expect(group).to_contain_text(text['group'])

    # The three implicit components of the generic mention, accepted in one action: one decision per code.
    _reviewed(page, group.get_by_role('button', name=text['accept_group']))
    group = page.locator('#p-9 [data-group="ssr.generic"]')
    expect(group).to_have_attribute('data-state', 'accepted')
    expect(group.locator('.chip-state').first).to_have_text(text['accepted'])
    paragraph = Paragraph.objects.get(version__document=document, version__is_current=True, ref='9')
    decisions = CodeAssignment.objects.filter(paragraph=paragraph, source='human', present=True)
    assert set(decisions.values_list('code', flat=True)) == {
        'component.defence',
        'component.police',
        'component.justice',
    }

    # Rejecting a chip changes that chip: still one chip for the code, now rejected, with who decided.
    _reviewed(page, page.locator('#p-9').get_by_role('button', name=text['reject']))
    chips = page.locator('#p-9 .chip[data-code="ssr.generic"]')
    expect(chips).to_have_count(1)
    expect(chips).to_have_attribute('data-state', 'rejected')
    expect(chips).to_contain_text('analyst')
    expect(page.locator('#p-9 .chip[data-code="component.police"]')).to_have_count(1)

    # A code added by hand with its modality.
    page.locator('#p-9 summary', has_text=text['add_code']).click()
    page.locator('#p-9').get_by_label(text['code'], exact=True).select_option('initiative.coordination')
    page.locator('#p-9').get_by_label(text['modality']).select_option('monitor')
    _reviewed(page, page.locator('#p-9').get_by_role('button', name=text['add']))
    added = page.locator('#p-9 .chip[data-code="initiative.coordination"]')
    expect(added).to_have_attribute('data-state', 'added')
    expect(added).to_contain_text(text['monitor'])
    assert CodeAssignment.objects.get(paragraph=paragraph, code='initiative.coordination').modality == 'monitor'

    # Marking the paragraph reviewed leaves a mark with who and when, moves the progress and can be undone.
    _reviewed(page, page.locator('#p-9').get_by_role('button', name=text['mark']))
    expect(page.locator('#p-9 .review-mark')).to_contain_text(text['reviewed'])
    expect(page.locator('#review-progress')).to_contain_text(text['progress'])
    page.locator('#p-9 [data-code="initiative.coordination"] summary').click()
    screenshot(page.locator('#p-9'), f'review-paragraph-{language}')
    page.evaluate('window.scrollTo(0, 0)')
    screenshot(page, f'review-document-{language}')
    _reviewed(page, page.locator('#p-9').get_by_role('button', name=text['undo']))
    expect(page.locator('#p-9 .review-mark')).to_have_count(0)
    expect(page.locator('#p-9').get_by_role('button', name=text['mark'])).to_be_visible()
    assert not ParagraphReview.objects.filter(paragraph=paragraph).exists()


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_queue_history_and_agreement_warning(page, log_in, screenshot, django_user_model, language):
    text = TEXT[language]
    analyst = django_user_model.objects.get(username='analyst')
    op15 = Paragraph.objects.get(version__document__symbol=SYMBOL, version__is_current=True, ref='15')
    record_decision(op15, analyst, 'reject', 'component.defence')
    record_decision(op15, analyst, 'done')
    _log_in(page, log_in, 'analyst', language)

    page.get_by_test_id('menu-review').locator('.dropdown-toggle').click()
    page.get_by_test_id('menu-review').get_by_role('link', name=text['queue'], exact=True).click()
    expect(page.get_by_role('heading', level=1)).to_have_text(text['queue'])
    row = page.locator('tr', has_text=SYMBOL)
    expect(row).to_contain_text('1 / 41')
    screenshot(page, f'review-queue-{language}')
    row.get_by_role('link', name=text['next']).click()
    expect(page).to_have_url(re.compile(rf'/documents/{op15.version.document_id}/#p-pp2$'))

    page.goto(f'/documents/{op15.version.document_id}/history/')
    expect(page.locator('main')).to_contain_text(text['history_line'])
    expect(page.locator('main')).to_contain_text(text['marked'])
    screenshot(page, f'review-history-{language}')
    page.goto('/changes/')
    expect(page.locator('main')).to_contain_text(text['history_line'])

    page.goto('/coding/agreement/')
    defence = page.locator('tr', has_text='component.defence')
    expect(defence.locator('td.alpha').first).to_contain_text(text['warning'])
    expect(page.locator('tr', has_text='component.police').locator('td.alpha').first).to_contain_text(
        text['no_variation']
    )
    screenshot(page, f'review-agreement-{language}')


def test_viewer_sees_reviews_but_cannot_act(page, log_in, screenshot, django_user_model):
    op15 = Paragraph.objects.get(version__document__symbol=SYMBOL, version__is_current=True, ref='15')
    record_decision(op15, django_user_model.objects.get(username='analyst'), 'done')
    log_in(page, 'viewer')
    page.goto(op15.version.document.get_absolute_url())
    expect(page.locator('#p-15 .review-mark')).to_be_visible()
    expect(page.locator('#p-15 .chip-action')).to_have_count(0)
    expect(page.get_by_role('link', name='Documents to review', exact=True)).to_have_count(0)
    # At phone width the chips wrap, an opened chip included: the paragraphs never scroll sideways.
    page.set_viewport_size({'width': 390, 'height': 844})
    page.locator('#p-15 [data-group="ssr.generic"] > details > summary').click()
    page.locator('#p-15 [data-code="component.police"] summary').click()
    overflow = page.locator('.paragraphs').evaluate('element => element.scrollWidth - element.clientWidth')
    assert overflow <= 0
    screenshot(page.locator('#p-15'), 'review-paragraph-phone')
    assert page.goto('/coding/review-queue/').status == 403
