"""Loading the country statistics and UCDP events: whole real files, idempotent reloads, revisions kept as versions,
bad lines refused with nothing written, and the two commands."""

import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from ssrhub.monitoring.context_demo import DEMO_EVENTS, DEMO_FOLDER, DEMO_RELEASE
from ssrhub.monitoring.context_loading import LoadError, load_events, load_statistics
from ssrhub.monitoring.models import ConflictEvent, StatisticLoad, StatisticSeries, StatisticValue

pytestmark = pytest.mark.django_db


def _copy_demo(tmp_path):
    folder = tmp_path / 'gapminder'
    shutil.copytree(DEMO_FOLDER, folder)
    return folder


def _change_line(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_whole_release_loads_and_a_second_load_writes_nothing(shared_data):
    folder = shared_data('country-indicators')
    reports = load_statistics(folder)
    by_file = {report.file_name: report for report in reports}
    total = by_file['armed_forces_personnel_total.csv']
    # Gapminder's file has 5,355 lines; those of entities without an ISO3 code (e.g. the former Czechoslovakia) stay
    # out and are counted.
    assert total.added + sum(total.skipped.values()) == 5355 and total.revised == 0
    assert StatisticValue.objects.count() == sum(report.added for report in reports)
    assert StatisticLoad.objects.count() == 4
    assert StatisticSeries.objects.get(code='military_expenditure_percent_of_gdp').source == (
        'Gapminder, based on World Bank WDI'
    )

    again = load_statistics(folder)
    assert [(r.added, r.revised, r.load) for r in again] == [(0, 0, None)] * 4
    assert sum(r.unchanged for r in again) == StatisticValue.objects.count()
    assert StatisticLoad.objects.count() == 4


def test_a_revised_value_is_kept_as_a_version_and_the_new_one_is_current(tmp_path):
    folder = _copy_demo(tmp_path)
    load_statistics(folder)
    _change_line(folder / 'armed_forces_personnel_total.csv', 'lbr,1990,8000', 'lbr,1990,8200')
    reports = {report.file_name: report for report in load_statistics(folder)}
    report = reports['armed_forces_personnel_total.csv']
    assert (report.added, report.revised) == (0, 1)
    assert [reports[name].load for name in reports if name != 'armed_forces_personnel_total.csv'] == [None] * 3

    versions = StatisticValue.objects.filter(
        series__code='armed_forces_personnel_total', country__iso3='LBR', year=1990
    ).order_by('created', 'pk')
    old, new = versions
    assert (old.value, new.value) == (8000, 8200)
    assert old.superseded_by == new and old.valid_until is not None and new.valid_until is None
    assert old.load != new.load and new.load.revised == 1
    assert old.history.count() == 3  # created, closed, pointed to its successor: every step audited


def test_the_database_holds_one_current_value_per_series_country_and_year():
    load_statistics(DEMO_FOLDER)
    value = StatisticValue.objects.filter(country__iso3='LBR').first()
    value.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        value.save()


def test_a_bad_line_in_any_file_refuses_every_file(tmp_path):
    folder = _copy_demo(tmp_path)
    _change_line(folder / 'military_expenditure_percent_of_gdp.csv', 'lbr,1965,1.1775', 'lbr,1965,1,1775')
    with pytest.raises(LoadError) as raised:
        load_statistics(folder)
    assert raised.value.message() == (
        'military_expenditure_percent_of_gdp.csv:87: The line does not have the columns of the header.'
    )
    with translation.override('fr'):
        assert raised.value.message().startswith('military_expenditure_percent_of_gdp.csv:87\u00a0:')
    assert not StatisticValue.objects.exists() and not StatisticLoad.objects.exists()


def test_a_file_without_countries_beside_it_is_refused(tmp_path):
    path = tmp_path / 'armed_forces_personnel_total.csv'
    shutil.copy(DEMO_FOLDER / path.name, path)
    with pytest.raises(LoadError) as raised:
        load_statistics(path)
    assert 'countries.csv' in raised.value.message()


def test_ucdp_events_load_with_their_release_and_a_reload_writes_nothing(shared_data):
    report = load_events(shared_data('ucdp/ged-2023-sample-1000.csv'), 'GED 23.1')
    assert (report.added, report.revised, report.unchanged) == (1000, 0, 0)
    assert ConflictEvent.objects.filter(country__iso3='COD').count() == 35
    assert set(ConflictEvent.objects.values_list('release', flat=True)) == {'GED 23.1'}
    again = load_events(shared_data('ucdp/ged-2023-sample-1000.csv'), 'GED 23.1')
    assert (again.added, again.revised, again.unchanged, again.load) == (0, 0, 1000, None)


def test_a_later_release_revising_an_event_keeps_the_old_version(tmp_path):
    load_events(DEMO_EVENTS, DEMO_RELEASE)
    event = ConflictEvent.objects.get(country__iso3='LBR')
    path = tmp_path / 'ged-24.1.csv'
    text = DEMO_EVENTS.read_text()
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(f'{event.ucdp_id}.0,'))
    cells = lines[index].rstrip('\n').split(',')
    # best, high and low are the 45th to 47th of the 49 columns (then gwnoa, gwnob): counted from the end, so that
    # the commas inside quoted sources do not matter
    cells[-5], cells[-4], cells[-3] = '7.0', '9.0', '5.0'
    lines[index] = ','.join(cells) + '\n'
    path.write_text(''.join(lines))
    report = load_events(path, 'GED 24.1')
    assert (report.added, report.revised, report.unchanged) == (0, 1, 9)
    old, new = ConflictEvent.objects.filter(ucdp_id=event.ucdp_id).order_by('created', 'pk')
    assert (old.release, old.best, new.release, new.best, new.low, new.high) == ('GED 23.1', event.best, 'GED 24.1',
                                                                                  7, 5, 9)  # fmt: skip
    assert old.superseded_by == new and old.valid_until and new.valid_until is None


@pytest.mark.parametrize('release', ['23.1', 'GED 23', 'UCDP 23.1'])
def test_a_release_that_is_not_a_ged_release_is_refused(release):
    with pytest.raises(LoadError) as raised:
        load_events(DEMO_EVENTS, release)
    assert 'GED 23.1' in raised.value.message()
    assert not ConflictEvent.objects.exists()


def test_the_commands_load_and_refuse_with_the_file_and_line(tmp_path, capsys):
    call_command('statistics', 'load', str(DEMO_FOLDER))
    out = capsys.readouterr().out
    assert 'armed_forces_personnel_total.csv: 85 added, 0 revised, 0 unchanged.' in out
    call_command('ucdp', 'load', str(DEMO_EVENTS), '--release', 'GED 23.1')
    assert 'ged-23.1-caf-civ-lbr.csv (GED 23.1): 10 added, 0 revised, 0 unchanged' in capsys.readouterr().out
    bad = tmp_path / 'ged.csv'
    bad.write_text(DEMO_EVENTS.read_text().replace('Clear', 'Clear', 1).replace(',482.0,', ',9999.0,', 1))
    with pytest.raises(CommandError) as raised:
        call_command('ucdp', 'load', str(bad), '--release', 'GED 23.2')
    assert 'ged.csv:' in str(raised.value) and '9999' in str(raised.value) and 'Nothing loaded.' in str(raised.value)
    assert ConflictEvent.objects.count() == 10
