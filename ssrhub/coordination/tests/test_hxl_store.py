"""3W rows stored as activities: counts checked against the table read independently (csv), an idempotent
re-apply, an update in place with history, nothing written for a bad file, storing in chunks the same as in one, the
matrix against an independent count, the downloads (the HXL one read back by libhxl) and who may apply."""

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from ssrhub.coordination import threew_matrix
from ssrhub.coordination.hxl3w.preview import preview
from ssrhub.coordination.hxl3w.reading import open_table
from ssrhub.coordination.hxl3w.rows import map_columns, parse_period, read_rows
from ssrhub.coordination.hxl_import import create_unknown, organisation_matcher, sector_matcher
from ssrhub.coordination.models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivitySector,
    AdminArea,
    Organisation,
    Origin,
)
from ssrhub.coordination.threew_store import store_rows
from ssrhub.core.models import Country

pytestmark = pytest.mark.django_db

EXTRACT = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'hxl' / 'afghanistan-3w-extract.csv'


def run(*args):
    out = io.StringIO()
    call_command('hxl', *args, stdout=out)
    return out.getvalue()


def distinct_rows(path):
    """The table's distinct (organisation, sector, district) rows, read with the csv module alone."""
    with open(path, encoding='utf-8-sig', newline='') as handle:
        lines = list(csv.DictReader(handle))[1:]  # the hashtag row
    return {
        (line['ORG_ACRONYM'].casefold(), line['CLUSTER_SECTOR_CODE'].casefold(), line['DIST_CODE']) for line in lines
    }


def apply(*extra, path=EXTRACT):
    return run('import', str(path), '--country', 'AFG', '--period', '2024Q1', *extra)


def test_rows_of_known_organisations_are_stored_once_and_reapplying_changes_nothing():
    expected = distinct_rows(EXTRACT)
    first = apply('--create-unknown')
    assert f'Activities stored: {len(expected)} created, 0 updated, 0 unchanged;' in first
    stored = Activity.objects.filter(origin=Origin.THREE_W, country__iso3='AFG')
    assert stored.count() == len(expected)
    activity = stored.get(iati_identifier__startswith='3W-AFG-', source=f'{EXTRACT.name}:3')
    assert (activity.reporting_organisation.acronym, activity.planned_start.isoformat()) == ('ASCHIANA', '2024-01-01')
    assert activity.sectors.get().code == 'EiE_OP' and activity.locations.get().admin_area.pcode == 'AF0101'
    assert AdminArea.objects.get(pcode='AF0101').parent.pcode == 'AF01'
    history = Activity.history.count()
    again = apply()
    assert f'0 created, 0 updated, {len(expected)} unchanged' in again
    assert stored.count() == len(expected) and Activity.history.count() == history


def test_unknown_organisations_are_left_out_and_counted(tmp_path):
    output = apply()
    assert 'Activities stored: 0 created' in output
    assert f'Left out: {len(distinct_rows(EXTRACT))} rows of ' in output
    assert not Activity.objects.exists()


def test_a_changed_row_is_updated_in_place_with_history(tmp_path):
    apply('--create-unknown')
    changed = tmp_path / EXTRACT.name
    text = EXTRACT.read_text(encoding='utf-8-sig')
    changed.write_text(text.replace('Operational Presence: Education in Emergencies', 'Education in Emergencies', 1))
    activity = Activity.objects.get(source=f'{EXTRACT.name}:3')
    output = apply(path=changed)
    assert ' 0 created, 1 updated, ' in output
    activity.refresh_from_db()
    assert activity.title.startswith('Education in Emergencies – ') and activity.history.count() == 2
    assert activity.sectors.get().name == 'Education in Emergencies'
    # Every history record the two storings wrote names the import; the replaced sector keeps its old name.
    reason = f'3W import {EXTRACT.name}'
    for model in (Activity, ActivitySector, ActivityLocation, AdminArea):
        assert set(model.history.values_list('history_change_reason', flat=True)) == {reason}, model
    removed = ActivitySector.history.get(history_type='-')
    assert removed.activity_id == activity.pk and removed.name == 'Operational Presence: Education in Emergencies'


def test_a_bad_file_writes_nothing(tmp_path):
    broken = tmp_path / 'broken.csv'
    broken.write_bytes(EXTRACT.read_bytes() + b'Capital,Kabul,AF01,Kabul,AF0101,X,\xff\xfe bad,NGO,EiE_OP,EiE,OP\n')
    with pytest.raises(CommandError, match='broken.csv: row 403 is not UTF-8'):
        apply('--create-unknown', path=broken)
    assert not Organisation.objects.exists() and not Activity.objects.exists() and not AdminArea.objects.exists()


def test_dry_run_says_what_it_would_do_and_writes_nothing():
    output = apply('--create-unknown', '--dry-run')
    assert f'Activities that would be stored: {len(distinct_rows(EXTRACT))} new' in output
    assert 'Dry run: nothing was written.' in output
    assert not Activity.objects.exists() and not Organisation.objects.exists()


def read_extract():
    table = open_table(EXTRACT)
    return preview(
        table, map_columns(table), organisation_matcher(), sector_matcher(), default_period=parse_period('2024Q1')
    )


def stored_state():
    """Everything storing writes, by natural keys (identifiers, P-codes, codes), and the history rows of each kind."""
    identifier = 'activity__iati_identifier'
    return {
        'activities': sorted(
            Activity.objects.values_list(
                'iati_identifier', 'origin', 'title', 'status', 'planned_start', 'planned_end',
                'reporting_organisation__name', 'source', 'country__iso3',
            )
        ),
        'sectors': sorted(ActivitySector.objects.values_list(identifier, 'vocabulary', 'code', 'name')),
        'locations': sorted(
            ActivityLocation.objects.values_list(identifier, 'admin_area__pcode', 'name'), key=str
        ),
        'links': sorted(ActivityLink.objects.values_list(identifier, 'kind', 'framework_item__code'), key=str),
        'areas': sorted(
            AdminArea.objects.values_list('pcode', 'level', 'name', 'parent__pcode', 'country__iso3', 'source'), key=str
        ),
        'history': {
            model.__name__: Counter(model.history.values_list('history_type', flat=True))
            for model in (Activity, ActivitySector, ActivityLocation, ActivityLink, AdminArea)
        },
    }  # fmt: skip


def store_in_chunks(chunk):
    """Store the extract ``chunk`` rows at a time, then again; what was stored, both reports and the progress
    reported; everything rolled back."""
    result, ticks = read_extract(), []
    afghanistan = Country.objects.get(iso3='AFG')
    with transaction.atomic():
        first = store_rows(
            result, afghanistan, file_name=EXTRACT.name, chunk=chunk, progress=lambda *done: ticks.append(done),
            before=lambda report: create_unknown(result, source=EXTRACT.name),
        )  # fmt: skip
        state = stored_state()
        again = store_rows(read_extract(), afghanistan, file_name=EXTRACT.name, chunk=chunk)
        transaction.set_rollback(True)
    return result, first, again, state, ticks


def test_storing_in_chunks_of_three_rows_stores_the_same_as_in_one():
    result, first, again, state, ticks = store_in_chunks(3)
    whole_result, whole_first, whole_again, whole_state, whole_ticks = store_in_chunks(10_000)
    expected = len(distinct_rows(EXTRACT))
    districts = {district for _acronym, _sector, district in distinct_rows(EXTRACT)}
    assert len(state['activities']) == expected == first.created
    assert first.areas_created == len(districts | {district[:4] for district in districts})
    assert state['history']['AdminArea']['+'] == first.areas_created
    assert state == whole_state
    assert first.as_dict() == whole_first.as_dict() and again.as_dict() == whole_again.as_dict()
    assert (again.created, again.updated, again.unchanged, again.areas_created) == (0, 0, expected, 0)
    accepted = result.accepted
    assert ticks == [(min(done, accepted), accepted) for done in range(3, accepted + 3, 3)]
    assert whole_ticks == [(accepted, accepted)]


@pytest.fixture
def stored():
    apply('--create-unknown')
    return Activity.objects.filter(origin=Origin.THREE_W)


def test_matrix_counts_match_an_independent_count(stored):
    expected = Counter((acronym, sector) for acronym, sector, _district in distinct_rows(EXTRACT))
    counted = threew_matrix.count_matrix(stored, 'organisation', 'sector')
    organisations = {str(o.pk): o.acronym.casefold() for o in Organisation.objects.all()}
    got = Counter()
    for (row, column), count in counted.cells.items():
        got[(organisations[row], column.casefold())] += count
    assert got == expected and counted.total == sum(expected.values())
    by_area = threew_matrix.count_matrix(stored, 'admin1', 'admin2')
    districts = Counter(district[:4] for _a, _s, district in distinct_rows(EXTRACT))
    assert by_area.row_totals == dict(districts)


def test_a_cell_drills_down_to_as_many_activities(client, stored, django_user_model):
    admin = django_user_model.objects.create_superuser('boss', password='x')
    client.force_login(admin)
    counted = threew_matrix.count_matrix(stored, 'organisation', 'admin2')
    row, column = max(counted.cells, key=counted.cells.get)
    params = {'country': 'AFG', **threew_matrix.drill_params('organisation', row)}
    params.update(threew_matrix.drill_params('admin2', column))
    response = client.get(reverse('coordination:activity_list'), params)
    assert response.status_code == 200
    assert response.context['table'].paginator.count == counted.cells[(row, column)]
    page = client.get(reverse('coordination:threew_matrix', args=['AFG']))
    assert page.status_code == 200 and 'id="threew-matrix"' in page.text


def test_downloads_and_hxl_round_trip(client, stored, django_user_model, tmp_path):
    client.force_login(django_user_model.objects.create_superuser('boss', password='x'))
    url = reverse('coordination:threew_matrix_all')
    csv_text = client.get(url, {'rows': 'organisation', 'columns': 'admin1', 'download': 'csv'}).content.decode()
    last = list(csv.reader(io.StringIO(csv_text.lstrip('\ufeff'))))[-1]
    assert last[0] == 'Total' and int(last[-1]) == stored.count()
    xlsx = client.get(url, {'rows': 'organisation', 'columns': 'sector', 'download': 'xlsx'})
    assert xlsx['Content-Type'].startswith('application/vnd.openxmlformats')
    hxl = b''.join(client.get(url, {'download': 'hxl'}).streaming_content)
    path = tmp_path / 'back.csv'
    path.write_bytes(hxl)
    table = open_table(path)
    back = [row for row in read_rows(table, map_columns(table)) if not hasattr(row, 'code')]
    assert len(back) == stored.count()
    assert {row.key for row in back} == {_key_of(activity) for activity in stored}


def _key_of(activity):
    from ssrhub.coordination.hxl3w.rows import ThreeWRow

    location = ActivityLocation.objects.select_related('admin_area__parent').get(activity=activity)
    area, sector = location.admin_area, activity.sectors.get()
    return ThreeWRow(
        row=0,
        org_name=activity.reporting_organisation.name,
        org_acronym=activity.reporting_organisation.acronym,
        sector_code=sector.code,
        adm2_code=area.pcode,
        start=activity.planned_start.isoformat(),
        end=activity.planned_end.isoformat(),
    ).key


def test_the_task_refuses_a_broken_file_and_writes_nothing(client, django_user_model):
    from django.core.files.base import ContentFile

    from ssrhub.coordination.models import ThreeWImport, ThreeWStatus
    from ssrhub.coordination.tasks import import_threew_task
    from ssrhub.core.models import Country

    record = ThreeWImport(
        country=Country.objects.get(iso3='AFG'),
        name='broken.csv',
        status=ThreeWStatus.QUEUED,
        decisions={'aliases': [], 'new': [{'value': 'A new partner', 'acronym': 'ANP', 'type': 'NGO'}]},
    )
    record.file.save('broken.csv', ContentFile(EXTRACT.read_bytes()[:300] + b'\xff\xfe\n'), save=False)
    record.save()
    import_threew_task.delay(record.pk)
    record.refresh_from_db()
    assert record.status == ThreeWStatus.REFUSED and record.report['file_error']['code'] == 'encoding'
    assert not Organisation.objects.exists() and not Activity.objects.exists()
    client.force_login(django_user_model.objects.create_superuser('boss', password='x'))
    page = client.get(record.get_absolute_url()).content.decode()
    assert 'broken.csv: row 3 is not UTF-8 text.' in page and 'Nothing was written.' in page


def test_each_storing_tells_the_apps_that_follow_activities_once():
    from ssrhub.coordination.signals import activities_stored

    sent = []

    def receiver(sender, **kwargs):
        sent.append(sender)

    activities_stored.connect(receiver)
    try:
        store_in_chunks(3)
    finally:
        activities_stored.disconnect(receiver)
    assert sent == [store_rows, store_rows]  # the first storing and the second, unchanged one
