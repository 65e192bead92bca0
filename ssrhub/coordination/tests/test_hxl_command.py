"""`ssrhub hxl import`: the dry run writes nothing, unknown organisations are created only when asked, once."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ssrhub.coordination.hxl_import import add_alias, organisation_matcher
from ssrhub.coordination.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db

TABLE = (
    'Organisation,Acronym,Type,Sector,Province,Province code,Start date\n'
    '#org+name,#org+acronym,#org+type,#sector,#adm1+name,#adm1+code,#date+start\n'
    'Danish Refugee Council,DRC,INGO,Police and law enforcement,Montserrado,LR11,2024-01-01\n'
    'Liberia National Police,LNP,Government,Police,Montserrado,LR11,2024-01-01\n'
    'Liberia National Police,LNP,Government,Police,Montserrado,LR11,2024-01-01\n'
    'United Nations Development Programme (UNDP),,UN,Justice,Bong,LR01,2024-02-30\n'
)


def run(*args):
    out = io.StringIO()
    call_command('hxl', *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def table(tmp_path):
    path = tmp_path / 'lbr-3w.csv'
    path.write_text(TABLE, encoding='utf-8')
    return path


def test_dry_run_prints_the_plan_and_writes_nothing(table):
    Organisation.objects.create(name='United Nations Development Programme', acronym='UNDP')
    output = run('import', str(table), '--dry-run', '--country', 'LBR')
    assert 'lbr-3w.csv: hashtag row 2' in output
    assert '  Type -> #org+type -> organisation type' in output
    assert 'Rows read: 4; accepted: 2; refused: 1; duplicates: 1.' in output
    assert 'Organisations: 2, of which 2 unknown.' in output
    assert 'Sectors (framework areas and components): 2, of which 0 unknown.' in output
    assert 'Row 6: "2024-02-30" is not a date (Start date #date+start).' in output
    assert 'Row 5: the same organisation, sector, area and period as row 4.' in output
    assert 'Dry run: nothing was written.' in output
    assert Organisation.objects.count() == 1


def test_json_lists_candidates(table):
    Organisation.objects.create(name='Liberian National Police', acronym='LNPS')
    result = json.loads(run('import', str(table), '--dry-run', '--format', 'json'))
    police = next(item for item in result['organisations'] if item['value'] == 'Liberia National Police')
    assert police['known'] is None and police['candidates'][0]['label'] == 'Liberian National Police (LNPS)'
    assert police['candidates'][0]['score'] > 90
    assert result['rows'] == {'read': 4, 'accepted': 2, 'refused': 1, 'duplicates': 1}
    assert {item['value']: item['known'] for item in result['sectors']} == {
        'Police and law enforcement': 'Police and law enforcement',
        'Police': 'Police and law enforcement',
    }


def test_create_unknown_once_then_known(table):
    output = run('import', str(table), '--create-unknown')
    assert 'Created 2 organisations:' in output
    police = Organisation.objects.get(name='Liberia National Police')
    assert (police.acronym, police.type, police.source) == ('LNP', OrganisationType.GOVERNMENT, 'lbr-3w.csv')
    assert Organisation.objects.get(acronym='DRC').type == OrganisationType.INTERNATIONAL_NGO
    again = run('import', str(table), '--create-unknown')
    assert 'Organisations: 2, of which 0 unknown.' in again and 'Created' not in again
    assert Organisation.objects.count() == 2


def test_a_confirmed_alias_is_known_next_time():
    police = Organisation.objects.create(name='Liberia National Police', acronym='LNP')
    assert not organisation_matcher().match('Police nationale du Liberia').known
    assert add_alias(police, 'Police nationale du Liberia')
    assert not add_alias(police, 'police nationale du libéria')
    found = organisation_matcher().match('POLICE NATIONALE DU LIBERIA')
    assert found.known and found.exact.id == police.pk
    assert police.history.count() == 2  # the alias is a logged change


def test_refusals_name_the_file(tmp_path):
    path = tmp_path / 'no-tags.csv'
    path.write_text('Organisation,Secteur,Province\nPNUD,Justice,Bong\n', encoding='utf-8')
    with pytest.raises(CommandError, match='no-tags.csv: no HXL hashtag row in the first 25 rows'):
        run('import', str(path))
    output = run('import', str(path), '--hashtags-from-titles', '--dry-run')
    assert 'hashtag row 2 (from the column titles)' in output
    with pytest.raises(CommandError, match='"2024Q7" is not a period'):
        run('import', str(path), '--period', '2024Q7')
    with pytest.raises(CommandError, match='No country XXX'):
        run('import', str(path), '--country', 'XXX')


def test_sheets(shared_data):
    assert run('sheets', str(shared_data('hxl/nigeria-3w-2023q4.xlsx'))) == 'NGA 3Ws Data Q4 2023: hashtag row 2\n'


def test_export_writes_the_accepted_rows_as_hxl(table, tmp_path):
    out = tmp_path / 'clean.csv'
    run('import', str(table), '--dry-run', '--export', str(out))
    lines = out.read_text(encoding='utf-8').splitlines()
    assert lines[1].startswith('#org+name,#org+acronym,#org+type+name,')
    assert [line.split(',')[1] for line in lines[2:]] == ['DRC', 'LNP']  # row 5 repeated row 4, row 6 was refused


def test_matrix_of_a_table(shared_data):
    output = run(
        'matrix', str(shared_data('hxl/nigeria-3w-2023q4.xlsx')), '--rows', 'admin1', '--columns', 'period',
        '--only-sector', 'WASH',
    )  # fmt: skip
    assert output.splitlines() == [
        'admin1 / period,2023-10-01/2023-10-31,2023-11-01/2023-11-30,2023-12-01/2023-12-31,Total',
        'Borno,169,145,161,475',
        'Yobe,28,29,12,69',
        'Adamawa,7,18,11,36',
        'Total,204,192,184,580',
    ]


def test_one_entry_per_organisation_however_spelt(tmp_path):
    path = tmp_path / 't.csv'
    path.write_text(
        'Org,Acronym,Sector,State\n#org+name,#org+acronym,#sector,#adm1\n'
        '"Center for Advocacy, Transparency and Accountability Initiative",CATAI,WASH,Borno\n'
        'Center for Advocacy Transparency and Accountability Initiative,CATAI-NG,WASH,Yobe\n',
        encoding='utf-8',
    )
    output = run('import', str(path), '--create-unknown')
    assert 'Organisations: 1, of which 1 unknown.' in output
    assert Organisation.objects.get().acronym == 'CATAI'
