"""Review of machine codes by people, kept apart from the machine's, and agreement between them."""

import codecs
import csv
import io
import json
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


def _review(client, paragraph, action, code='', htmx=True):
    headers = {'HTTP_HX_REQUEST': 'true'} if htmx else {}
    return client.post(f'/paragraphs/{paragraph.pk}/review/', {'action': action, 'code': code}, **headers)


def test_analyst_accepts_rejects_and_adds_codes(client, make_user, op15):
    analyst = make_user('ana', Role.ANALYST)
    client.force_login(analyst)
    machine = set(op15.codes.filter(source='machine').values_list('code', flat=True))
    assert 'ssr.generic' in machine
    response = _review(client, op15, 'reject', 'component.defence')
    assert response.status_code == 200 and 'Defence · ana' in response.content.decode()
    assert _review(client, op15, 'add', 'initiative.legislation').status_code == 200
    assert _review(client, op15, 'done').status_code == 200
    human = {c.code: c.present for c in CodeAssignment.objects.filter(paragraph=op15, source='human')}
    assert human == {'component.defence': False, 'initiative.legislation': True}
    assert set(op15.codes.filter(source='machine').values_list('code', flat=True)) == machine
    record = CodeAssignment.objects.get(paragraph=op15, source='human', code='component.defence')
    assert record.coder == analyst and record.history.first().history_user == analyst
    assert ParagraphReview.objects.filter(paragraph=op15, reviewer=analyst).exists()


def test_viewer_cannot_review_and_unknown_codes_are_refused(client, make_user, op15):
    client.force_login(make_user('reader', Role.VIEWER))
    assert _review(client, op15, 'add', 'ssr.generic').status_code == 403
    client.force_login(make_user('ana', Role.ANALYST))
    response = _review(client, op15, 'add', 'not.a.code')
    assert response.status_code == 400 and "'not.a.code' is not a code" in response.content.decode()


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
    assert float(rows['ssr.generic']['machine_human_alpha']) == 1.0
    page = client.get('/coding/agreement/').content.decode()
    assert 'component.defence' in page


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
