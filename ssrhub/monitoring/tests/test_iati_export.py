"""A framework exported as IATI results: valid against the IATI 2.03 schema the coordination app ships, approved
actuals only with their breakdown by sex, read back by the coordination import as the same results; refused with a
clear message, and nothing written, for a yes/no indicator, a framework without activity or an unknown activity;
the command and the framework page's download."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from ssrhub.coordination.iati import validate_tree
from ssrhub.coordination.iati_store import import_iati
from ssrhub.coordination.models import Activity, Result
from ssrhub.coordination.tests.iati_samples import activity, iati_file
from ssrhub.core.roles import Role
from ssrhub.monitoring.iati_export import FrameworkExportError, export_framework
from ssrhub.monitoring.models import ActualReport, ActualValue, FrameworkResult, Indicator, IndicatorPeriod

from .actuals_data import make_indicator, organisation, sex

IDENTIFIER = 'XM-TEST-1-001'


def _report(period, name, total, female, male, status='approved'):
    report = ActualReport.objects.create(period=period, organisation=organisation(name))
    female_category, male_category = sex().categories.get(code='female'), sex().categories.get(code='male')
    ActualValue.objects.create(report=report, value=total)
    ActualValue.objects.create(report=report, category=female_category, value=female)
    ActualValue.objects.create(report=report, category=male_category, value=male)
    ActualReport.objects.filter(pk=report.pk).update(status=status)


@pytest.fixture
def framework(db, tmp_path):
    """A Liberian framework linked to an imported activity: an output indicator with two approved reports for 2024
    (100 = 30 + 70 and 20 = 5 + 15) and a submitted one for 2025 (not exported); an outcome indicator (percentage,
    lower is better) without actuals."""
    path = tmp_path / 'activity.xml'
    path.write_text(iati_file(activity()), encoding='utf-8')
    import_iati(path)
    indicator = make_indicator()
    framework = indicator.result.framework
    framework.activity = Activity.objects.get(iati_identifier=IDENTIFIER)
    framework.save()
    periods = indicator.periods.order_by('start')
    _report(periods[0], 'Liberia National Police', 100, 30, 70)
    _report(periods[0], 'Liberia Immigration Service', 20, 5, 15)
    _report(periods[1], 'Liberia National Police', 150, 50, 100, status='submitted')
    outcome = FrameworkResult.objects.create(
        framework=framework, level=framework.levels.get(order=2), code='1', statement='Trust in the police grows'
    )
    complaints = Indicator.objects.create(
        result=outcome,
        code='1.a',
        title='Share of complaints left unanswered',
        unit='percentage',
        direction='decrease',
        baseline_value=40,
        baseline_date=datetime.date(2023, 6, 30),
    )
    IndicatorPeriod.objects.create(
        indicator=complaints, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31), target=25
    )
    return framework


def _exported(framework, **options):
    output = io.BytesIO()
    export_framework(framework, output, **options)
    return etree.fromstring(output.getvalue())


def test_the_export_validates_and_carries_targets_and_approved_actuals_by_sex(framework):
    root = _exported(framework)
    assert validate_tree(root) == []
    (activity_node,) = root.findall('iati-activity')
    assert activity_node.findtext('iati-identifier') == IDENTIFIER
    results = activity_node.findall('result')
    assert [(r.get('type'), r.findtext('title/narrative')) for r in results] == [
        ('2', 'Trust in the police grows'),
        ('1', 'Police officers trained'),
    ]
    complaints, trained = (result.find('indicator') for result in results)
    assert (complaints.get('measure'), complaints.get('ascending')) == ('2', '0')
    assert complaints.find('baseline').attrib == {'year': '2023', 'value': '40'}
    assert (trained.get('measure'), trained.get('ascending')) == ('1', '1')
    first, second = trained.findall('period')
    assert first.find('target').get('value') == '100'
    assert [(node.get('value'), node.find('dimension') is not None and node.find('dimension').attrib) for node in
            first.findall('actual')] == [
        ('120', False),
        ('35', {'name': 'sex', 'value': 'female'}),
        ('85', {'name': 'sex', 'value': 'male'}),
    ]  # fmt: skip
    # 2025's report is only submitted: its target goes out, no actual.
    assert second.find('target').get('value') == '200'
    assert second.findall('actual') == []


def test_the_coordination_import_reads_back_the_same_results(framework, tmp_path):
    path = tmp_path / 'export.xml'
    with open(path, 'wb') as output:
        export_framework(framework, output)
    report = import_iati(path)
    assert report.count('updated') == 1
    stored = Result.objects.filter(activity__iati_identifier=IDENTIFIER).prefetch_related('indicators__periods')
    assert [
        (
            result.type,
            result.title,
            [
                (i.title, i.measure, i.ascending, i.baseline_year, i.baseline_value,
                 [(str(p.period_start), str(p.period_end), p.target, p.actual) for p in i.periods.all()])
                for i in result.indicators.all()
            ],
        )
        for result in stored
    ] == [
        ('2', 'Trust in the police grows',
         [('Share of complaints left unanswered', '2', False, 2023, '40', [('2025-01-01', '2025-12-31', '25', '')])]),
        ('1', 'Police officers trained',
         [('Police officers trained in human rights', '1', True, 2023, '0',
           [('2024-01-01', '2024-12-31', '100', '120'), ('2025-01-01', '2025-12-31', '200', '')])]),
    ]  # fmt: skip


def test_a_yes_no_indicator_stops_the_export_with_its_code(framework, tmp_path):
    Indicator.objects.filter(code='1.a').update(unit='yes-no', baseline_value=1)
    with pytest.raises(FrameworkExportError) as refused:
        export_framework(framework, io.BytesIO())
    assert refused.value.messages() == [
        'Indicator 1.a is measured as “Yes/no”, which IATI’s indicator measures cannot express: change its unit or '
        'leave it out. Nothing was written.'
    ]
    output = tmp_path / 'out.xml'
    with pytest.raises(CommandError, match='Indicator 1.a is measured as'):
        call_command('monitoring', 'iati-export', '--framework', str(framework.pk), '--output', str(output))
    assert not output.exists()


def test_a_framework_without_activity_is_refused_unless_one_is_chosen(framework, tmp_path):
    framework.activity = None
    framework.save()
    output = tmp_path / 'out.xml'
    with pytest.raises(CommandError, match='has no programme activity'):
        call_command('monitoring', 'iati-export', '--framework', str(framework.pk), '--output', str(output))
    with pytest.raises(CommandError, match='No activity with the IATI identifier XM-NONE is recorded'):
        call_command(
            'monitoring', 'iati-export', '--framework', str(framework.pk), '--activity', 'XM-NONE', '--output',
            str(output),
        )  # fmt: skip
    assert not output.exists()
    call_command(
        'monitoring', 'iati-export', '--framework', str(framework.pk), '--activity', IDENTIFIER, '--output', str(output)
    )
    assert validate_tree(etree.parse(str(output)).getroot()) == []


def test_the_framework_page_offers_the_download_to_its_readers_only(framework, client, make_user):
    url = reverse('monitoring:framework_iati', args=['LBR', framework.pk])
    assert client.get(url)['Location'].startswith(reverse('login'))
    client.force_login(make_user('norole'))
    assert client.get(url).status_code == 403
    client.force_login(make_user('lbr', Role.VIEWER, countries=('LBR',)))
    page = client.get(framework.get_absolute_url())
    assert url in page.content.decode()
    response = client.get(url)
    assert response['Content-Type'] == 'application/xml'
    assert response['Content-Disposition'] == f'attachment; filename="{IDENTIFIER}-results.xml"'
    assert validate_tree(etree.fromstring(response.content)) == []
    # Another country's address for the framework finds nothing.
    assert client.get(reverse('monitoring:framework_iati', args=['CIV', framework.pk])).status_code == 404


def test_the_download_of_a_framework_without_activity_says_why_on_its_page(framework, client, make_user):
    framework.activity = None
    framework.save()
    client.force_login(make_user('lbr', Role.VIEWER, countries=('LBR',)))
    response = client.get(reverse('monitoring:framework_iati', args=['LBR', framework.pk]), follow=True)
    assert response.redirect_chain == [(framework.get_absolute_url(), 302)]
    assert 'has no programme activity' in response.content.decode()
