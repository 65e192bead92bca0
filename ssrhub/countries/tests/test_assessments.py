"""Assessment pages: access, the scorecard and checklist, comparing two assessments, the rating formset, exports.

The content is the Central African Republic as chapter 7 of the source book describes it: a baseline in 2017,
after the National Security Policy (adopted 2 February 2017), and a review in 2019, after the law on the Higher
Council for National Security (4 July 2018) and the Political Agreement of 6 February 2019.
"""

import csv
import io
import json
from datetime import date

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType

from ssrhub.core.models import Country, SourceCitation
from ssrhub.core.roles import Role
from ssrhub.countries.models import Assessment, AssessmentRating
from ssrhub.countries.views.assessments import framework_items, latest_framework_version

pytestmark = pytest.mark.django_db

CAR = '/countries/CAF/workspace/assessments/'

# code: (score or compliance, evidence, book lines of chapter 7 or None)
CAR_2017 = {
    'feature.legal-framework': (
        1,
        'National Security Policy adopted by the Council of Ministers on 2 February 2017; '
        'no law on the national security architecture yet.',
        '1623',
    ),
    'feature.governance-management': (
        1,
        'Strategic Committee for DDRR, SSR and National Reconciliation chaired by '
        'the President; no sector-wide financial review.',
        '1619',
    ),
    'feature.capacities': (0, 'Ministry database counts 7,465 soldiers against 8,400 on the payroll.', '1669'),
    'feature.interaction-mechanisms': (
        2,
        'The Strategic Committee brings ministries, FACA, police and gendarmerie '
        'together with MINUSCA, the AU and the EU.',
        '1619-1621',
    ),
    'standard.accountability': (1, 'Vetting and accountability measures still to be developed.', None),
    'standard.transparency': (1, '', None),
    'standard.rule-of-law': (1, 'Military Justice Code adopted in March 2017 but not yet applied.', '1642'),
    'standard.participation': (
        3,
        'The Bangui Forum of May 2015 gathered government, armed groups, parties and civil society.',
        '1611',
    ),
    'standard.effectiveness': (1, '', None),
    'standard.efficiency': (0, 'Payroll and personnel records do not match.', '1669'),
    'principle.goal': ('met', 'National and defence services to be professional, non-political, representative.', None),
    'principle.legal-basis': ('met', 'Resolution 2301 (2016) puts SSR among MINUSCA priority tasks.', '1605'),
    'principle.national-ownership': ('partly', 'Forum recommendations not followed up for two years.', '1613'),
    'principle.gender-sensitivity': ('not-met', '', None),
    'principle.early-engagement': ('n/a', 'Support began after the 2013 crisis.', None),
    'principle.clear-strategy': ('partly', 'National SSR Strategy endorsed on 10 March 2017.', '1623'),
    'principle.integrity-accountability-resources': ('not-met', 'Slow disbursement of the Brussels pledges.', '1615'),
    'principle.coordination': ('partly', 'UN and EU support coordinated by MINUSCA.', '1607'),
    'principle.monitoring-evaluation': ('not-met', '', None),
}
CAR_2019 = {
    'feature.legal-framework': (2, 'Law on the Higher Council for National Security passed on 4 July 2018.', '1648'),
    'feature.governance-management': (2, 'Five-year military appropriations bill passed on 18 December 2018.', '1649'),
    'feature.capacities': (1, '', None),
    'feature.interaction-mechanisms': (2, '', None),
    'feature.culture-of-service': (1, 'Garrison-army vision of the National Defence Plan.', '1644'),
    'standard.accountability': (1, '', None),
    'standard.transparency': (2, '', None),
    'standard.rule-of-law': (1, '', None),
    'standard.participation': (2, 'Consultations were narrower than at the Bangui Forum.', None),
    'standard.responsiveness': (1, '', None),
    'standard.effectiveness': (1, '', None),
    'standard.efficiency': (1, '', None),
    'principle.goal': ('met', '', None),
    'principle.legal-basis': ('met', 'Resolution 2448 (2018).', None),
    'principle.national-ownership': ('met', 'Political Agreement signed in Bangui on 6 February 2019.', '1629'),
    'principle.flexibility': ('partly', '', None),
    'principle.gender-sensitivity': ('not-met', '', None),
    'principle.early-engagement': ('met', 'Direct talks in Khartoum before the agreement.', '1629'),
    'principle.clear-strategy': ('met', '', None),
    'principle.integrity-accountability-resources': ('partly', '', None),
    'principle.coordination': ('partly', '', None),
    'principle.monitoring-evaluation': ('partly', '', None),
}


def cite(obj, **fields):
    return SourceCitation.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, **fields
    )


def make_assessment(country, title, on, ratings, **extra):
    version = latest_framework_version()
    assessment = Assessment.objects.create(country=country, title=title, date=on, framework_version=version, **extra)
    items = {item.code: item for item in framework_items(version)}
    for code, (value, evidence, lines) in ratings.items():
        rating = AssessmentRating(assessment=assessment, item=items[code], evidence=evidence)
        if isinstance(value, int):
            rating.score = value
        else:
            rating.compliance = value
        rating.full_clean()
        rating.save()
        if lines:
            cite(rating, book_chapter=7, book_lines=lines)
    return assessment


def make_car_assessments():
    """The 2017 baseline and the 2019 review of the Central African Republic."""
    country = Country.objects.get(iso3='CAF')
    baseline = make_assessment(
        country,
        'SSR baseline after the National Security Policy',
        date(2017, 3, 31),
        CAR_2017,
        assessed_by='MINUSCA SSR Section with EUTM-RCA',
    )
    cite(baseline, symbol='S/RES/2301 (2016)', paragraph='33')
    review = make_assessment(
        country, 'Review after the Political Agreement', date(2019, 6, 30), CAR_2019, assessed_by='MINUSCA SSR Section'
    )
    return baseline, review


@pytest.fixture
def car():
    return make_car_assessments()


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user('bangui', Role.COUNTRY_EDITOR, countries=('CAF',)))
    return client


def rating_post(items, ratings, **assessment):
    """The POST of the assessment form: the assessment's fields and one rating form per item."""
    data = {
        'title': 'Joint UN-AU-EU assessment',
        'date': '2019-06-30',
        'assessed_by': 'MINUSCA, AU and EU',
        'source': '',
        'note': '',
        'ratings-TOTAL_FORMS': str(len(items)),
        'ratings-INITIAL_FORMS': str(len(items)),
        'ratings-MIN_NUM_FORMS': '0',
        'ratings-MAX_NUM_FORMS': '1000',
        **assessment,
    }
    for index, item in enumerate(items):
        score, compliance, evidence = ratings.get(item.code, ('', '', ''))
        data.update(
            {
                f'ratings-{index}-code': item.code,
                f'ratings-{index}-score': score,
                f'ratings-{index}-compliance': compliance,
                f'ratings-{index}-evidence': evidence,
                f'ratings-{index}-source': '',
            }
        )
    return data


# Section: access


def test_pages_need_an_account_and_a_role(client, make_user, car):
    baseline, review = car
    urls = [
        CAR,
        f'{CAR}{baseline.pk}/',
        f'{CAR}compare/?a={baseline.pk}&b={review.pk}',
        f'{CAR}{baseline.pk}/export.csv',
        f'{CAR}add/',
    ]
    for url in urls:
        assert client.get(url)['Location'].startswith('/accounts/login/'), url
    client.force_login(make_user('nobody'))
    for url in urls:
        assert client.get(url).status_code == 403, url


def test_a_viewer_reads_but_does_not_edit(viewer, car):
    baseline, _review = car
    page = viewer.get(CAR).content.decode()
    assert baseline.title in page and f'{CAR}add/' not in page
    detail = viewer.get(f'{CAR}{baseline.pk}/')
    assert detail.status_code == 200 and f'{CAR}{baseline.pk}/edit/' not in detail.content.decode()
    assert viewer.get(f'{CAR}add/').status_code == 403
    assert viewer.get(f'{CAR}{baseline.pk}/edit/').status_code == 403
    items = framework_items(latest_framework_version())
    assert viewer.post(f'{CAR}add/', rating_post(items, {})).status_code == 403
    assert Assessment.objects.count() == 2


def test_an_editor_of_another_country_reads_but_does_not_edit(client, make_user, car):
    baseline, _review = car
    client.force_login(make_user('abidjan', Role.COUNTRY_EDITOR, countries=('CIV',)))
    assert client.get(f'{CAR}{baseline.pk}/').status_code == 200
    assert client.get(f'{CAR}add/').status_code == 403
    assert client.get(f'{CAR}{baseline.pk}/edit/').status_code == 403
    items = framework_items(latest_framework_version())
    assert client.post(f'{CAR}{baseline.pk}/edit/', rating_post(items, {})).status_code == 403
    assert client.get('/countries/CIV/workspace/assessments/add/').status_code == 200


def test_an_assessment_of_another_country_is_not_found_under_this_one(viewer, make_user, car):
    baseline, _review = car
    assert viewer.get(f'/countries/CIV/workspace/assessments/{baseline.pk}/').status_code == 404
    assert viewer.get('/countries/XXX/workspace/assessments/').status_code == 404


# Section: pages


def test_list_shows_each_assessment_with_its_means(viewer, car):
    baseline, review = car
    page = viewer.get(CAR).content.decode()
    table = page.split('id="assessment-table"')[1].split('</table>')[0]
    assert table.index(review.title) < table.index(baseline.title)  # latest first
    row = table.split(f'data-assessment="{baseline.pk}"')[1].split('</tr>')[0]
    assert '1.0' in row and '1.2' in row and '2 of 10' in row  # features 4/4, standards 7/6, principles met
    assert 'id="compare-form"' in page


def test_scorecard_shows_every_item_with_its_score_evidence_and_citations(viewer, car):
    baseline, _review = car
    response = viewer.get(f'{CAR}{baseline.pk}/')
    page = response.content.decode()
    features = page.split('id="table-feature"')[1].split('</table>')[0]
    assert features.count('<tr data-code=') == 5
    capacities = features.split('data-code="feature.capacities"')[1].split('</tr>')[0]
    assert 'data-rating="0"' in capacities and '0 - absent' in capacities
    assert '7,465 soldiers' in capacities and 'lines 1669' in capacities
    interaction = features.split('data-code="feature.interaction-mechanisms"')[1].split('</tr>')[0]
    assert 'width: 50%' in interaction
    culture = features.split('data-code="feature.culture-of-service"')[1].split('</tr>')[0]
    assert 'data-rating="not-rated"' in culture  # not rated, yet on the card
    standards = page.split('id="table-standard"')[1].split('</table>')[0]
    assert standards.count('<tr data-code=') == 7
    principles = page.split('id="table-principle"')[1].split('</table>')[0]
    assert principles.count('<tr data-code=') == 10
    assert 'data-rating="partly"' in principles.split('data-code="principle.coordination"')[1].split('</tr>')[0]
    assert 'data-rating="not-rated"' in principles.split('data-code="principle.flexibility"')[1].split('</tr>')[0]
    summary = page.split('id="assessment-summary"')[1].split('</section>')[0]
    assert '1.0' in summary and '1.2' in summary
    assert 'Mean score of 4 rated of 5 features' in summary
    principle_card = summary.split('data-group="principle"')[1]
    assert '<li data-compliance="met"><strong>2</strong>' in principle_card
    assert '<li data-compliance="not-rated"><strong>1</strong>' in principle_card
    assert 'S/RES/2301 (2016)' in page  # the assessment's own citation


def test_compare_shows_both_ratings_the_change_and_the_summary_deltas(viewer, car):
    baseline, review = car
    # Given in either order, the comparison runs from the earlier assessment to the later one.
    response = viewer.get(f'{CAR}compare/?a={review.pk}&b={baseline.pk}')
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index('2017-03-31') < page.index('2019-06-30')

    def row(code):
        return page.split(f'<tr data-code="{code}">')[1].split('</tr>')[0]

    assert 'data-change="improved"' in row('feature.capacities') and '(+1)' in row('feature.capacities')
    assert 'data-change="newly-rated"' in row('feature.culture-of-service')
    assert 'data-rating="not-rated"' in row('feature.culture-of-service')
    assert 'data-change="worse"' in row('standard.participation') and '(-1)' in row('standard.participation')
    assert 'data-change="same"' in row('principle.coordination')
    assert 'data-change="improved"' in row('principle.national-ownership')
    assert 'data-change="changed"' in row('principle.early-engagement')  # n/a -> met
    assert 'data-change="newly-rated"' in row('principle.flexibility')

    deltas = page.split('id="deltas-table"')[1].split('</table>')[0]
    features = deltas.split('data-group="feature"')[1].split('</tr>')[0]
    assert '1.00' in features and '1.60' in features and '+0.60' in features  # 4/4 -> 8/5
    standards = deltas.split('data-group="standard"')[1].split('</tr>')[0]
    assert '1.17' in standards and '1.29' in standards and '+0.12' in standards  # 7/6 -> 9/7
    met = deltas.split('data-compliance="met"')[1].split('</tr>')[0]
    assert '>2<' in met and '>5<' in met and '+3' in met
    not_met = deltas.split('data-compliance="not-met"')[1].split('</tr>')[0]
    assert '>3<' in not_met and '>1<' in not_met and '-2' in not_met
    # Colours and words follow the direction of improvement: fewer principles not met is better, not a loss.
    assert 'data-trend="better"' in not_met and 'text-success' in not_met and 'better' in not_met
    assert 'data-trend="better"' in met and 'data-trend="better"' in features
    partly = deltas.split('data-compliance="partly"')[1].split('</tr>')[0]
    assert 'data-trend="neutral"' in partly and 'text-danger' not in partly and 'text-success' not in partly
    assert 'id="compare-legend"' in page and 'neither better nor worse' in page


def test_compare_refuses_assessments_of_different_countries(viewer, car):
    baseline, _review = car
    ivorian = make_assessment(Country.objects.get(iso3='CIV'), 'National SSR strategy review', date(2012, 12, 31), {})
    response = viewer.get(f'{CAR}compare/?a={baseline.pk}&b={ivorian.pk}')
    assert response.status_code == 400
    assert 'id="compare-error"' in response.content.decode()
    assert 'another country' in response.content.decode()
    assert viewer.get(f'{CAR}compare/?a={baseline.pk}').status_code == 400
    assert viewer.get(f'{CAR}compare/?a={baseline.pk}&b={baseline.pk}').status_code == 400
    assert viewer.get(f'{CAR}compare/?a={baseline.pk}&b=999999').status_code == 404


# Section: the form


def test_an_editor_creates_an_assessment_on_the_latest_framework_with_its_ratings(editor):
    version = latest_framework_version()
    items = framework_items(version)
    assert len(items) == 22
    response = editor.get(f'{CAR}add/')
    assert response.status_code == 200 and response.content.decode().count('<fieldset class="card') == 22
    ratings = {
        'feature.legal-framework': ('2', '', 'Law of 4 July 2018 on the Higher Council for National Security.'),
        'standard.efficiency': ('0', '', ''),
        'principle.national-ownership': ('', 'met', 'Political Agreement signed in Bangui.'),
    }
    response = editor.post(f'{CAR}add/', rating_post(items, ratings))
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert response['Location'] == f'{CAR}{assessment.pk}/'
    assert assessment.framework_version == version and assessment.country.iso3 == 'CAF'
    saved = {rating.item.code: rating for rating in assessment.ratings.all()}
    assert set(saved) == set(ratings)  # unrated items get no row
    assert saved['standard.efficiency'].score == 0
    assert saved['principle.national-ownership'].compliance == 'met'
    assert saved['feature.legal-framework'].evidence.startswith('Law of 4 July 2018')


def test_a_principle_given_a_score_is_refused_per_item_and_nothing_is_saved(editor):
    items = framework_items(latest_framework_version())
    ratings = {
        'feature.capacities': ('1', '', ''),
        'principle.coordination': ('3', '', 'MINUSCA coordinates the partners.'),
        'standard.transparency': ('', 'met', ''),
        'feature.culture-of-service': ('', '', 'Evidence with no rating'),
    }
    response = editor.post(f'{CAR}add/', rating_post(items, ratings))
    assert response.status_code == 400
    page = response.content.decode()
    assert '3 items have errors.' in page

    def card(code):
        return page.split(f'data-code="{code}"')[1].split('</fieldset>')[0]

    assert 'A principle is rated met, partly met, not met or not applicable.' in card('principle.coordination')
    assert 'aria-invalid="true"' in card('principle.coordination')
    assert 'A feature or a governance standard is scored from 0 to 4.' in card('standard.transparency')
    assert 'Rate the item, or clear its evidence and source.' in card('feature.culture-of-service')
    assert 'role="alert"' not in card('feature.capacities')
    assert Assessment.objects.count() == 0 and AssessmentRating.objects.count() == 0


def test_editing_changes_clears_and_keeps_ratings(editor, car):
    baseline, _review = car
    items = framework_items(baseline.framework_version)
    kept = baseline.ratings.get(item__code='feature.legal-framework')
    form = editor.get(f'{CAR}{baseline.pk}/edit/').content.decode()
    assert '7,465 soldiers' in form
    ratings = {
        code: (str(value), '', evidence) if isinstance(value, int) else ('', value, evidence)
        for code, (value, evidence, _lines) in CAR_2017.items()
    }
    ratings['feature.capacities'] = ('1', '', 'Payroll verification started.')
    del ratings['standard.efficiency']  # left unrated: its rating goes
    data = rating_post(items, ratings, title=baseline.title, date='2017-03-31')
    response = editor.post(f'{CAR}{baseline.pk}/edit/', data)
    assert response.status_code == 302
    assert baseline.ratings.get(item__code='feature.capacities').score == 1
    assert not baseline.ratings.filter(item__code='standard.efficiency').exists()
    unchanged = baseline.ratings.get(item__code='feature.legal-framework')
    assert unchanged.last_updated == kept.last_updated  # not saved again: no empty history entry
    assert unchanged.citations.count() == 1  # its citation stays


def test_a_stale_form_does_not_overwrite_a_newer_save(editor, car):
    baseline, _review = car
    items = framework_items(baseline.framework_version)
    data = rating_post(items, {}, title='Renamed', date='2017-03-31', last_updated='2000-01-01T00:00:00+00:00')
    response = editor.post(f'{CAR}{baseline.pk}/edit/', data)
    assert response.status_code == 400 and 'changed by someone else' in response.content.decode()
    assert baseline.ratings.count() == len(CAR_2017)


# Section: exports


def test_exports_list_every_item_rated_or_not(viewer, car):
    baseline, _review = car
    response = viewer.get(f'{CAR}{baseline.pk}/export.csv')
    assert response.status_code == 200
    assert f'CAF-assessment-2017-03-31-{baseline.pk}.csv' in response['Content-Disposition']
    rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
    assert len(rows) == 22
    capacities = next(row for row in rows if row['Code'] == 'feature.capacities')
    assert capacities['Score'] == '0' and capacities['Rating'] == '0 - absent'
    assert 'ch. 7, lines 1669' in capacities['Citations']
    flexibility = next(row for row in rows if row['Code'] == 'principle.flexibility')
    assert flexibility['Rating'] == 'Not rated' and flexibility['Compliance'] == ''

    data = json.loads(viewer.get(f'{CAR}{baseline.pk}/export.json').content)
    assert len(data) == 22 and data[0]['group'] == 'feature' and data[0]['date'] == '2017-03-31'

    workbook = openpyxl.load_workbook(io.BytesIO(viewer.get(f'{CAR}{baseline.pk}/export.xlsx').content))
    assert workbook.active.max_row == 23
    assert viewer.get(f'{CAR}{baseline.pk}/export.pdf').status_code == 400
