"""Review of machine codes by people, kept apart from the machine's, and agreement between them."""

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from ssrhub.coding.models import CodeAssignment, ParagraphReview
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture
def op15():
    ingest_path(SAMPLE)
    return Paragraph.objects.get(version__document__symbol='S/RES/2151 (2014)', ref='15')


def _review(client, paragraph, action, code='', htmx=True, **fields):
    headers = {'HTTP_HX_REQUEST': 'true'} if htmx else {}
    data = {'action': action, 'code': code, **fields}
    return client.post(f'/paragraphs/{paragraph.pk}/review/', data, **headers)


def _chips(response, code) -> list[str]:
    """The states of the chips of ``code`` in a response: one chip per code, whatever was decided."""
    return re.findall(rf'data-code="{re.escape(code)}" data-state="(\w+)"', response.content.decode())


def test_analyst_accepts_rejects_and_adds_codes_in_one_chip_each(client, make_user, op15):
    analyst = make_user('ana', Role.ANALYST)
    client.force_login(analyst)
    machine = set(op15.codes.filter(source='machine').values_list('code', flat=True))
    assert 'ssr.generic' in machine
    response = _review(client, op15, 'reject', 'ssr.generic')
    assert response.status_code == 200 and _chips(response, 'ssr.generic') == ['rejected']
    response = _review(client, op15, 'accept', 'ssr.generic')
    assert _chips(response, 'ssr.generic') == ['accepted'] and 'Accepted by ana' in response.content.decode()
    assert _review(client, op15, 'add', 'initiative.legislation', modality='assist').status_code == 200
    response = _review(client, op15, 'done')
    assert _chips(response, 'initiative.legislation') == ['added'] and 'Reviewed by ana' in response.content.decode()
    assert 'hx-swap-oob' in response.content.decode() and '1 of 41 paragraphs with codes' in response.content.decode()
    human = {c.code: (c.present, c.modality) for c in CodeAssignment.objects.filter(paragraph=op15, source='human')}
    # Accepting takes the machine's reading of the code; adding takes the modality given.
    read = op15.codes.get(source='machine', code='ssr.generic').modality
    assert human == {'ssr.generic': (True, read), 'initiative.legislation': (True, 'assist')}
    assert set(op15.codes.filter(source='machine').values_list('code', flat=True)) == machine
    record = CodeAssignment.objects.get(paragraph=op15, source='human', code='ssr.generic')
    assert record.coder == analyst and record.history.first().history_user == analyst
    assert ParagraphReview.objects.filter(paragraph=op15, reviewer=analyst).exists()
    # Withdrawing a decision and reopening the paragraph take them back, and the history keeps both.
    response = _review(client, op15, 'withdraw', 'ssr.generic')
    assert _chips(response, 'ssr.generic') == ['pending']
    assert _review(client, op15, 'reopen').status_code == 200
    assert not ParagraphReview.objects.filter(paragraph=op15).exists()
    assert ParagraphReview.history.filter(history_type='-', history_change_reason='reopen').count() == 1


def test_generic_mention_components_are_decided_at_once(client, make_user, op15):
    client.force_login(make_user('ana', Role.ANALYST))
    implicit = set(op15.codes.filter(source='machine', explicit=False).values_list('code', flat=True))
    assert implicit == {'component.defence', 'component.police', 'component.justice'}
    page = _review(client, op15, 'done').content.decode()
    assert 'Security sector reform (generic): 3 components' in page
    response = _review(client, op15, 'reject-group', 'ssr.generic')
    assert re.findall(r'data-group="ssr.generic" data-state="(\w+)"', response.content.decode()) == ['rejected']
    decisions = CodeAssignment.objects.filter(paragraph=op15, source='human')
    assert {(c.code, c.present, c.explicit) for c in decisions} == {(code, False, False) for code in implicit}
    assert _chips(response, 'component.police') == ['rejected'] and _chips(response, 'ssr.generic') == ['pending']
    # A generic code has nothing to group where the machine read no implicit component.
    op12 = Paragraph.objects.get(version__document__symbol='S/RES/2151 (2014)', ref='12')
    response = _review(client, op12, 'accept-group', 'ssr.generic')
    assert response.status_code == 400 and 'no implicit component' in response.content.decode()


def test_viewer_cannot_review_and_mistakes_are_refused_together(client, make_user, op15):
    client.force_login(make_user('reader', Role.VIEWER))
    assert _review(client, op15, 'add', 'ssr.generic').status_code == 403
    client.force_login(make_user('ana', Role.ANALYST))
    response = _review(client, op15, 'add', 'not.a.code', modality='watch')
    text = response.content.decode()
    assert response.status_code == 400
    assert 'not.a.code is not a code of the codebook.' in text and 'watch is not a modality of the codebook.' in text
    response = _review(client, op15, 'accept', 'ssr.generic', modality='monitor')
    assert response.status_code == 400 and 'A modality is given only with a code you add.' in response.content.decode()
    assert _review(client, op15, 'approve', 'ssr.generic').status_code == 400
    assert not CodeAssignment.objects.filter(source='human').exists()


def test_review_actions_in_the_document_history(client, make_user, op15):
    client.force_login(make_user('ana', Role.ANALYST))
    _review(client, op15, 'reject-group', 'ssr.generic')
    _review(client, op15, 'add', 'initiative.legislation', modality='monitor', explicit='implicit')
    _review(client, op15, 'done')
    document = op15.version.document
    page = client.get(f'/documents/{document.pk}/history/').content.decode()
    assert 'Implicit component rejected with its generic mention: Police and law enforcement, paragraph 15' in page
    assert 'Code added: Security legislation and legal reform, paragraph 15' in page
    assert 'Paragraph 15 marked reviewed' in page
    changes = client.get('/changes/').content.decode()
    assert 'Paragraph 15 marked reviewed' in changes


def test_agreement_table_and_csv(client, make_user, op15):
    first, second = make_user('ana', Role.ANALYST), make_user('bea', Role.ANALYST)
    for user, action in ((first, 'reject'), (second, 'accept')):
        client.force_login(user)
        _review(client, op15, action, 'component.defence')
        _review(client, op15, 'done')
    response = client.get('/coding/agreement/', {'format': 'csv'})
    assert response.content.startswith(codecs.BOM_UTF8)  # so that Excel reads the file as UTF-8
    rows = {row['code']: row for row in csv.DictReader(io.StringIO(response.content.decode('utf-8-sig')))}
    defence = rows['component.defence']
    assert defence['machine_human_units'] == '2' and defence['human_human_units'] == '1'
    assert (defence['machine_human_coders'], defence['machine_human_values']) == ('3', '4')
    assert defence['machine_human_warnings'] == 'few-units'
    generic = rows['ssr.generic']
    assert (
        float(generic['machine_human_alpha']) == 1.0 and generic['machine_human_warnings'] == 'few-units no-variation'
    )
    page = client.get('/coding/agreement/').content.decode()
    assert 'component.defence' in page and 'Not yet reliable: fewer than 60 units; no variation' in page


def test_code_command_prints_one_record_per_paragraph(capsys):
    call_command('code', str(SAMPLE), '--format', 'jsonl')
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 18 + 20 + 6
    op9 = next(r for r in records if r['paragraph_ref'] == '9')
    assert op9['symbol'] == 'S/RES/2151 (2014)' and op9['paragraph_type'] == 'operative'
    assert set(op9) == {'symbol', 'paragraph_ref', 'paragraph_type', 'force', 'verb', 'addressee', 'codes'}
    for code in op9['codes']:
        assert code['evidence'] and all(e['text'] for e in code['evidence'])
    call_command('code', str(SAMPLE), '--format', 'csv')
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row['paragraph_ref'] for row in rows] == [r['paragraph_ref'] for r in records]


def test_code_command_save_stores_the_document(capsys):
    call_command('code', str(SAMPLE), '--save')
    assert Paragraph.objects.filter(version__document__symbol='S/RES/2151 (2014)').count() == 44


def test_codebook_command_prints_json(capsys):
    call_command('codebook', '--format', 'json')
    data = json.loads(capsys.readouterr().out)
    codes = {code['code'] for code in data['codes']}
    assert {'component.police', 'initiative.legislation', 'ssr.generic', 'crosscutting.human-rights'} <= codes


def test_evaluate_commands_print_scores(shared_data, capsys):
    texts, labels = shared_data('unsc-resolutions-1946-1994'), shared_data('pema/pema-v4-dev.csv')
    call_command('evaluate', 'pema', '--texts', str(texts), '--labels', str(labels), '--format', 'json')
    rows = json.loads(capsys.readouterr().out)
    micro = next(row for row in rows if row['level'] == 'resolution' and row['task'] == 'micro')
    assert micro['f1'] >= 0.70 and micro['support'] > 0
    call_command('evaluate', 'force', '--crsv', str(shared_data('crsv/crsv-paragraphs-v2026.09.csv')))
    assert 'force accuracy: ' in capsys.readouterr().out


def test_recode_codes_documents_missing_the_current_codebook(capsys):
    from ssrhub.coding.models import MachineReading

    ingest_path(SAMPLE, code=False)
    assert not MachineReading.objects.exists()
    call_command('recode', verbosity=0)
    assert '1 documents coded with codebook' in capsys.readouterr().out
    assert MachineReading.objects.count() == 44
    call_command('recode', verbosity=0)
    assert '0 documents coded' in capsys.readouterr().out


def test_review_progress_queue_and_home_card(client, make_user, op15):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    document = op15.version.document
    assert client.get('/coding/review-queue/').status_code == 302
    client.force_login(make_user('reader', Role.VIEWER))
    assert client.get('/coding/review-queue/').status_code == 403
    assert 'To review' not in client.get('/').content.decode()
    analyst = make_user('ana', Role.ANALYST)
    client.force_login(analyst)
    _review(client, op15, 'done')
    page = client.get('/coding/review-queue/').content.decode()
    assert document.symbol in page and '1 / 41' in page and f'/documents/{document.pk}/#p-pp2' in page
    listing = client.get('/documents/').content.decode()
    assert '1 / 41' in listing
    request = RequestFactory().get('/')
    request.user = analyst
    card = render_to_string('coding/includes/review_queue_card.html', {'user': analyst}, request=request)
    assert 'Documents to review' in card and document.symbol in card and 'Next paragraph to review: PP2' in card
    # Once every coded paragraph is reviewed, the document leaves the queue.
    for paragraph in Paragraph.objects.filter(version=op15.version):
        _review(client, paragraph, 'done')
    assert document.symbol not in client.get('/coding/review-queue/').content.decode()
    assert 'Every paragraph with codes is reviewed.' in client.get(document.get_absolute_url()).content.decode()
