"""The progress report on the demo: Liberia's UNOMIL mandate (S/RES/866 (1993), in the demo's 1992-1994 corpus) and
Implementation Schedule, the Central African Republic's plans, partners and fora; its sentences in English and
French; the PDF, DOCX and HTML renderings, the page, its access and the ``monitoring report`` command."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from docx import Document as WordDocument
from pypdf import PdfReader

from ssrhub.coordination.models import Activity, Transaction
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, ActionStatusUpdate
from ssrhub.documents.models import Document
from ssrhub.framework.models import Mission
from ssrhub.mandates.inforce import mandate_in_force
from ssrhub.mandates.queries import mission_acts
from ssrhub.monitoring.report import render
from ssrhub.monitoring.report.assemble import build_report
from ssrhub.monitoring.report.sections import ReportSection, register_section, unregister_section
from ssrhub.monitoring.report.sentences import written_report
from ssrhub.monitoring.report.structure import LIST, Paragraph, Sentence, default_period, numbered_citations

pytestmark = pytest.mark.django_db

REPORT = '/countries/{}/workspace/report/'
UNOMIL_PERIOD = (date(1993, 10, 1), date(1994, 9, 30))
LIBERIA_2009 = (date(2009, 1, 1), date(2009, 12, 31))
CAR_PERIOD = (date(2016, 10, 1), date(2017, 9, 30))


@pytest.fixture(autouse=True)
def demo(module_demo):
    """The demo, loaded once for the module."""


def country(iso3):
    return Country.objects.get(iso3=iso3)


def sentences(report, code):
    return [sentence for sentence in report.sentences() if sentence.code == code]


@pytest.fixture
def liberia_2009():
    """Liberia's plan tracked in 2009: two dated actions, updates inside and outside the year, the World Bank's
    review with money committed and disbursed in the year and one disbursement before it."""
    budget = Action.objects.get(document__country__iso3='LBR', ref='4')
    budget.end = date(2009, 6, 30)
    budget.save()
    exercises = Action.objects.get(document__country__iso3='LBR', ref='13')
    exercises.end = date(2010, 12, 31)
    exercises.save()
    ActionStatusUpdate.objects.create(action=budget, date=date(2008, 11, 1), status='on-track', note='Drafting')
    ActionStatusUpdate.objects.create(action=budget, date=date(2009, 3, 15), status='behind', note='Awaits the MoF')
    ActionStatusUpdate.objects.create(action=exercises, date=date(2010, 2, 1), status='on-track')
    review = Activity.objects.get(links__action=budget)
    review.planned_start, review.planned_end = date(2009, 3, 1), date(2010, 6, 30)
    review.save()
    flows = (('2', date(2009, 4, 1), 500000), ('3', date(2009, 5, 2), 200000), ('3', date(2008, 12, 31), 99))
    for kind, day, value in flows:
        Transaction.objects.create(
            activity=review, type=kind, date=day, value=Decimal(value), currency='USD', value_date=day
        )
    return {'budget': budget, 'exercises': exercises, 'review': review}


# Section: assembly


def test_default_period_is_the_last_twelve_months():
    assert default_period(date(2026, 12, 5)) == (date(2025, 12, 6), date(2026, 12, 5))
    assert default_period(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_mandated_tasks_cite_the_resolution_paragraphs_that_mandate_them():
    report = build_report(country('LBR'), *UNOMIL_PERIOD, 'en')
    unomil = Mission.objects.get(acronym='UNOMIL')
    expected = mandate_in_force(mission_acts(unomil), UNOMIL_PERIOD[1], closes=unomil.end)
    tasks = sentences(report, 'task')
    assert expected and len(tasks) == len(expected)
    resolution = Document.objects.get(symbol='S/RES/866 (1993)')
    for sentence in tasks:
        assert sentence.params['symbol'] == 'S/RES/866 (1993)'
        assert [c.ref for c in sentence.citations] == sentence.params['refs']
        assert all(c.kind == 'paragraph' and c.symbol == 'S/RES/866 (1993)' for c in sentence.citations)
        assert all(c.url.startswith(f'/documents/{resolution.pk}/#p-') for c in sentence.citations)
    assert {(s.params['task'], tuple(s.params['refs'])) for s in tasks} == {(t.code, t.refs) for t in expected}
    assert {ref for s in tasks for ref in s.params['refs']} >= {'3 (b)', '3 (e)'}
    # The engagement's basis (S/RES/1509 (2003)) is not cited for a period ten years before it.
    assert not sentences(report, 'engagement-basis')


def test_a_user_who_does_not_read_mission_links_gets_no_mandate(make_user):
    report = build_report(country('LBR'), *UNOMIL_PERIOD, 'en', user=make_user('no-role'))
    assert [s.code for s in report.section('mandated').paragraphs[0].sentences] == ['mandate-not-readable']
    assert not sentences(report, 'task')


def test_a_period_without_a_mission_says_so_and_names_the_last_one():
    report = build_report(country('LBR'), date(1998, 1, 1), date(1998, 12, 31), 'en')
    (missing,) = sentences(report, 'no-mission')
    (closed,) = sentences(report, 'last-mission-closed')
    assert closed.params == {'mission': 'UNOMIL', 'date': date(1997, 9, 30)}
    assert closed.citations[0].url == '/missions/UNOMIL/'


def test_plan_tracking_counts_the_updates_of_the_period_only_and_the_overdue_actions(liberia_2009):
    report = build_report(country('LBR'), *LIBERIA_2009, 'en')
    updates = sentences(report, 'status-update')
    assert [(u.params['ref'], u.params['date'], u.params['status']) for u in updates] == [
        ('4', date(2009, 3, 15), 'behind')
    ]
    assert updates[0].citations[0].url.endswith(f'#action-{liberia_2009["budget"].pk}')
    (status,) = sentences(report, 'plan-status')
    assert status.params['count'] == 4 and dict(status.params['statuses']) == {'behind': 1, 'done': 1, 'not-started': 2}
    (overdue,) = sentences(report, 'overdue-action')
    assert overdue.params['ref'] == '4' and overdue.params['months'] == 6  # due 30 June, read on 31 December
    assert sentences(report, 'overdue-count')[0].params['count'] == 1


def test_partners_activities_linked_to_the_plan_with_the_money_of_the_period(liberia_2009):
    report = build_report(country('LBR'), *LIBERIA_2009, 'en')
    (linked,) = sentences(report, 'activities-linked')
    assert linked.params['count'] == 1 and 'World Bank' in linked.params['organisations'][0]
    (activity,) = sentences(report, 'activity')
    assert activity.params['actions'] == ['4 Prepare a security sector budget']
    (money,) = sentences(report, 'money')
    assert money.params == {'committed': [('USD', Decimal(500000))], 'disbursed': [('USD', Decimal(200000))]}
    assert money.citations[0].url == liberia_2009['review'].get_absolute_url()
    assert sentences(report, 'no-decisions')  # Liberia's forum met in 2008


def test_an_activity_without_dates_or_money_is_counted_apart():
    report = build_report(country('CAF'), *CAR_PERIOD, 'en')
    (undated,) = sentences(report, 'undated-activities')
    assert undated.params['count'] == 1
    (recruitment,) = undated.citations
    assert recruitment.title == 'Recruitment, vetting and training of police officers and gendarmes'
    assert recruitment.title not in {s.params['title'] for s in sentences(report, 'activity')}


def test_the_central_african_republic_documents_partners_and_decisions_of_the_period():
    report = build_report(country('CAF'), *CAR_PERIOD, 'en')
    adopted = sentences(report, 'document-adopted')
    assert all(CAR_PERIOD[0] <= s.params['date'] <= CAR_PERIOD[1] for s in adopted)
    assert 'National Security Policy' in {s.params['title'] for s in adopted}
    (taken,) = sentences(report, 'decisions-taken')
    decisions = sentences(report, 'decision')
    assert taken.params['count'] == len(decisions) == 7
    assert all(CAR_PERIOD[0] <= d.params['date'] <= CAR_PERIOD[1] for d in decisions)
    assert sentences(report, 'mission-no-track')[0].params['mission'] == 'MINUSCA'


@pytest.mark.parametrize(('iso3', 'period'), [('LBR', UNOMIL_PERIOD), ('CAF', CAR_PERIOD)])
def test_every_figure_cites_the_records_it_comes_from(iso3, period):
    report = build_report(country(iso3), *period, 'en')
    counted = [s for s in report.sentences() if s.params.get('count') or s.code in ('task', 'money', 'activity')]
    assert counted
    assert [s.code for s in counted if not s.citations] == []
    numbers, ordered = numbered_citations(report)
    assert sorted(numbers.values()) == list(range(1, len(ordered) + 1))


def test_what_changed_says_no_indicators_are_recorded_until_a_part_registers_one():
    report = build_report(country('LBR'), *UNOMIL_PERIOD, 'en')
    (changed,) = report.section('changed').paragraphs
    assert [s.code for s in changed.sentences] == ['no-indicators']
    register_section(
        ReportSection(
            'test-indicator',
            'changed',
            lambda user, country, start, end: [Paragraph((Sentence('test-value', {'value': 17}),), LIST)],
            {'test-value': lambda p: f'Women are {p["value"]}% of the police.'},
        )
    )
    try:
        report = build_report(country('LBR'), *UNOMIL_PERIOD, 'en')
        written = written_report(report)
    finally:
        unregister_section('test-indicator')
    changed = next(s for s in written.sections if s['key'] == 'changed')
    assert changed['paragraphs'][0]['sentences'][0]['text'] == 'Women are 17% of the police.'


def test_french_sentences_dates_numbers_and_quotation_marks(liberia_2009):
    written = written_report(build_report(country('LBR'), *LIBERIA_2009, 'fr'))
    text = ' '.join(s['text'] for section in written.sections for p in section['paragraphs'] for s in p['sentences'])
    assert written.title == 'Rapport sur les progrès de la réforme du secteur de la sécurité'
    assert written.period == 'Du 1er janvier 2009 au 31 décembre 2009'
    assert '15 mars 2009\u00a0: 4 «\u00a0Prepare a security sector budget\u00a0», en retard (Awaits the MoF).' in text
    assert 'USD\u00a0500\u00a0000' in text and 'USD\u00a0200\u00a0000' in text
    assert 'comptait 4 actions\u00a0: 2 non commencées, 1 en retard et 1 achevée.' in text
    assert 'Aucun indicateur n’est enregistré pour ce pays (Libéria)' in text
    english = written_report(build_report(country('LBR'), *LIBERIA_2009, 'en'))
    assert english.sections[1]['heading'] == 'What the country did' and written.sections[1]['heading'] == (
        'Ce que le pays a fait'
    )


# Section: renderings


@pytest.fixture
def unomil_written():
    return written_report(build_report(country('LBR'), *UNOMIL_PERIOD, 'fr'))


def test_pdf_is_a4_with_a_title_page_the_sections_and_the_references(unomil_written):
    pdf = PdfReader(io.BytesIO(render.render_pdf(unomil_written)))
    assert len(pdf.pages) >= 2
    assert round(float(pdf.pages[0].mediabox.width)) == 595  # A4, in points
    title = pdf.pages[0].extract_text()
    assert 'Libéria' in title and 'Du 1er octobre 1993 au 30 septembre 1994' in title and 'Langue' in title
    body = ' '.join(page.extract_text() for page in pdf.pages[1:])
    assert 'Ce que le Conseil de sécurité a prescrit' in body and 'Références' in body
    assert 'S/RES/866 (1993), paragraphe 3 (b)' in body


def test_docx_opens_with_its_headings_sentences_and_references(unomil_written):
    content = render.render_docx(unomil_written)
    document = WordDocument(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith('Heading') or p.style.name == 'Title']
    assert headings == [
        'Rapport sur les progrès de la réforme du secteur de la sécurité',
        'Ce que le Conseil de sécurité a prescrit',
        'Ce que le pays a fait',
        'Ce que les partenaires ont fait',
        'Ce qui a changé',
        'Références',
    ]
    text = '\n'.join(p.text for p in document.paragraphs)
    assert 'résolution S/RES/866 (1993), paragraphe 3 (b). [' in text
    assert 'S/RES/866 (1993), paragraphe 3 (b) — /documents/' in text
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert 'PAGE' in archive.read('word/footer1.xml').decode()


# Section: the page and its access


def test_page_shows_the_report_with_links_and_downloads(make_user, client):
    client.force_login(make_user('reader', Role.VIEWER, ('LBR',)))
    response = client.get(REPORT.format('LBR'), {'from': '1993-10-01', 'to': '1994-09-30', 'lang': 'fr'})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="fr" id="progress-report"' in page
    assert 'href="/documents/' in page and '#p-3-b"' in page
    assert 'format=pdf' in page and 'format=docx' in page
    pdf = client.get(REPORT.format('LBR'), {'from': '1993-10-01', 'to': '1994-09-30', 'lang': 'fr', 'format': 'pdf'})
    assert pdf['Content-Type'] == 'application/pdf' and pdf.content.startswith(b'%PDF')
    assert 'ssrhub-progress-report-LBR-1993-10-01-1994-09-30-fr.pdf' in pdf['Content-Disposition']
    docx = client.get(REPORT.format('LBR'), {'lang': 'en', 'format': 'docx'})
    assert docx['Content-Type'] == render.CONTENT_TYPES['docx'] and docx.content.startswith(b'PK')


def test_page_refuses_a_bad_period_with_a_message(make_user, client):
    client.force_login(make_user('reader', Role.VIEWER, ('LBR',)))
    response = client.get(REPORT.format('LBR'), {'from': '2009-12-31', 'to': '2009-01-01'})
    assert response.status_code == 400 and 'The period ends before it starts' in response.content.decode()
    assert client.get(REPORT.format('LBR'), {'format': 'odt'}).status_code == 400


def test_access_anonymous_no_role_and_unknown_country(make_user, client):
    assert client.get(REPORT.format('LBR')).status_code == 302
    client.force_login(make_user('nobody'))
    assert client.get(REPORT.format('LBR')).status_code == 403
    client.force_login(make_user('reader', Role.VIEWER, ('LBR',)))
    assert client.get(REPORT.format('XXX')).status_code == 404


# Section: the command


def test_command_writes_a_pdf_to_standard_output():
    out = io.TextIOWrapper(io.BytesIO())
    call_command(
        'monitoring', 'report', '--country', 'LBR', '--format', 'pdf', '--lang', 'fr',
        '--from', '1993-10-01', '--to', '1994-09-30', stdout=out,
    )  # fmt: skip
    out.flush()
    content = out.buffer.getvalue()
    assert content.startswith(b'%PDF')
    text = ' '.join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert 'Rapport sur les progrès' in text and 'S/RES/866 (1993)' in text


@pytest.mark.parametrize(
    ('arguments', 'message'),
    [
        (['--country', 'XXX'], "No country 'XXX'"),
        (['--country', 'LBR', '--format', 'odt'], "Unknown format 'odt'"),
        (['--country', 'LBR', '--lang', 'de'], "Unknown language 'de'"),
        (['--country', 'LBR', '--from', '2009-13-01'], "'2009-13-01' is not a date"),
        (['--country', 'LBR', '--from', '2010-01-01', '--to', '2009-01-01'], 'The period ends'),
    ],
)
def test_command_refuses_bad_arguments(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command('monitoring', 'report', *arguments, stdout=io.TextIOWrapper(io.BytesIO()))
