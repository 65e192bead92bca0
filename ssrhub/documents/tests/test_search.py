"""Full-text search over paragraphs behind one interface (FTS5 on SQLite, PostgreSQL full text)."""

from pathlib import Path

import pytest

from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.search import fts5_query, search_paragraphs

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


def test_fts5_query_quotes_every_term():
    assert fts5_query('national ownership') == '"national" "ownership"'
    assert fts5_query('"security sector" reform') == '"security sector" "reform"'
    assert fts5_query('AND OR * ( )') == '"AND" "OR"'
    assert fts5_query('***') == ''


def test_search_finds_words_and_phrases_in_ingested_paragraphs():
    ingest_path(SAMPLE)
    paragraphs = Paragraph.objects.all()
    hits = list(search_paragraphs(paragraphs, 'national ownership'))
    assert hits and all('national' in p.text.lower() and 'ownership' in p.text.lower() for p in hits)
    phrase = list(search_paragraphs(paragraphs, '"security sector reform"'))
    assert phrase and all('security sector reform' in p.text.lower() for p in phrase)
    assert not search_paragraphs(paragraphs, 'zzzunknownword').exists()
    assert search_paragraphs(paragraphs, '').count() == paragraphs.count()


def test_paragraph_search_page_combines_full_text_and_coding_filters(client, make_user):
    from ssrhub.core.roles import Role

    ingest_path(SAMPLE)
    client.force_login(make_user('reader', Role.VIEWER))
    response = client.get(
        '/paragraphs/', {'q': 'security sector', 'code': 'ssr.generic', 'force': ['5'], 'kind': 'operative'}
    )
    refs = [paragraph.ref for paragraph in response.context['page'].object_list]
    assert refs and '15' in refs
    assert all(p.reading.force == 5 and any(c.code == 'ssr.generic' for c in p.machine_codes)
               for p in response.context['page'].object_list)  # fmt: skip
    assert client.get('/paragraphs/', {'q': 'security', 'year': 'not-a-year'}).status_code == 200
    api = client.get('/api/documents/paragraphs/', {'q': '"security sector reform"', 'symbol': 'S/RES/2151 (2014)'})
    body = api.json()
    assert body['count'] >= 10 and all('security sector reform' in row['text'].lower() for row in body['results'])
    assert {'force', 'verb', 'addressee', 'codes'} <= set(body['results'][0])


def test_mission_mentions_need_capitals_or_the_full_name():
    from ssrhub.documents.linking import MissionNames, mission_mentions

    missions = [
        MissionNames('UNMIL', ('United Nations Mission in Liberia', 'Mission des Nations Unies au Libéria')),
        MissionNames('MINUSCA', ('United Nations Multidimensional Integrated Stabilization Mission', '')),
    ]
    text = 'Decides that UNMIL shall ... the United Nations  Mission in\nLiberia; unmil; UNMIL-led; MINUSCAS'
    assert mission_mentions(text, missions) == {'UNMIL': 2}
    assert mission_mentions('la Mission des Nations Unies au Libéria', missions) == {'UNMIL': 1}
    cyprus = [MissionNames('UNFICYP', ('United Nations Peacekeeping Force in Cyprus',))]
    assert mission_mentions('the United Nations Peace-keeping Force in\nCyprus', cyprus) == {'UNFICYP': 1}


def test_documents_are_linked_to_the_missions_they_name(tmp_path, client, make_user):
    from ssrhub.core.roles import Role

    path = tmp_path / 'S_RES_1509_2003_EN.txt'
    path.write_text(
        'Resolution 1509 (2003)\n\nAdopted by the Security Council at its 4830th meeting, on 19 September 2003\n\n'
        'The Security Council,\n\nWelcoming the report of the Secretary-General,\n\n'
        '1. Decides to establish the United Nations Mission in Liberia (UNMIL);\n\n'
        '2. Decides that UNMIL shall assist the transitional government in monitoring and restructuring the police '
        'force of Liberia, and in the formation of a new and restructured military;\n',
        encoding='utf-8',
    )
    document_id = ingest_path(path).document_id
    assert list(Paragraph.objects.get(version__document_id=document_id, ref='2').version.document.missions.values_list(
        'acronym', flat=True)) == ['UNMIL']  # fmt: skip
    client.force_login(make_user('reader', Role.VIEWER))
    by_mission = client.get('/paragraphs/', {'mission': 'UNMIL', 'code': 'component.police'})
    assert [p.ref for p in by_mission.context['page'].object_list] == ['2']
    by_country = client.get('/paragraphs/', {'country': 'LBR', 'kind': 'operative'})
    assert {p.ref for p in by_country.context['page'].object_list} == {'1', '2'}
    assert not client.get('/paragraphs/', {'country': 'CAF', 'q': 'police'}).context['page'].object_list


def test_link_missions_updates_documents_after_missions_change(tmp_path, capsys):
    from django.core.management import call_command

    from ssrhub.framework.models import Mission

    path = tmp_path / 'note.txt'
    path.write_text('The Security Council,\n\n1. Decides that UNMIL shall assist the police;\n', encoding='utf-8')
    document = Document.objects.get(pk=ingest_path(path).document_id)
    assert list(document.missions.values_list('acronym', flat=True)) == ['UNMIL']
    Mission.objects.filter(acronym='UNMIL').update(acronym='UNMIL-RENAMED')
    call_command('link_missions')
    assert '1 documents linked differently.' in capsys.readouterr().out
    assert not document.missions.exists()
