"""The reviewed table of DAC sectors (``data/dac-sector-links.yaml``) and the suggestions made from it."""

from dataclasses import dataclass

import pytest

from ssrhub.coding.codebook import load_codebook
from ssrhub.coordination.iati.codelists import read_codelist
from ssrhub.coordination.suggestions import (
    action_suggestions,
    framework_suggestions,
    read_sector_links,
    sector_links,
    task_suggestions,
    text_codes,
)
from ssrhub.core.datafiles import DataFileError


@dataclass(frozen=True)
class Task:
    code: str
    symbol: str
    refs: tuple


def test_every_sector_of_the_table_is_an_active_dac_code_and_every_code_it_names_exists():
    links = sector_links()
    sectors = {row['code']: row for row in read_codelist('Sector')}
    assert all(not sectors[code]['withdrawn'] for code in links)
    codebook = load_codebook().codes
    assert [code for link in links.values() for code in link.codebook if code not in codebook] == []
    assert {'15210', '15130', '15240', '15250', '15261'} <= set(links)


@pytest.mark.django_db
def test_every_framework_code_of_the_table_is_an_item_of_the_framework():
    from ssrhub.framework.models import FrameworkItem

    codes = {code for link in sector_links().values() for code in link.framework}
    assert codes - set(FrameworkItem.objects.values_list('code', flat=True)) == set()


def test_sectors_suggest_framework_items_with_the_sectors_that_suggest_them():
    found = framework_suggestions(['15210', '15130', '11110'])
    assert found['component.justice'] == ['15130']
    assert 'initiative.national-ssr-strategy' in found
    assert framework_suggestions(['11110']) == {}


def test_sectors_suggest_the_matching_tasks_in_force_once_per_mission():
    tasks = {
        'UNMIL': [
            Task('component.police', 'S/RES/2215 (2015)', ('2 (c)',)),
            Task('related.mine-action', 'S/RES/1', ()),
        ],
        'MINUSCA': [Task('component.justice', 'S/RES/2448 (2018)', ('39 (a)',))],
    }
    found = task_suggestions(['15132', '15250'], tasks)
    assert [(s.mission, s.code, s.sector) for s in found] == [
        ('UNMIL', 'component.police', '15132'),
        ('UNMIL', 'related.mine-action', '15250'),
    ]


def test_a_broken_table_is_refused_naming_the_entry(tmp_path):
    path = tmp_path / 'links.yaml'
    path.write_text("sectors:\n  - {sector: '1521', framework: [], codebook: [], citations: [{url: 'https://x'}]}\n")
    with pytest.raises(DataFileError, match="sector 1: '1521' is not a DAC 5-digit sector code"):
        read_sector_links(path)
    path.write_text("sectors:\n  - {sector: '15210', framework: [], codebook: [], citations: []}\n")
    with pytest.raises(DataFileError, match='at least one citation'):
        read_sector_links(path)


def test_plan_actions_are_suggested_by_the_codebook_codes_of_their_wording():
    codebook = load_codebook()
    wording = {
        'budget': text_codes('Prepare a security sector budget', codebook),
        'courts': text_codes('Rehabilitate the courts and train magistrates', codebook),
        'roads': text_codes('Repair the roads', codebook),
    }
    assert 'ssr.generic' in wording['budget'] and wording['roads'] == ()
    found = action_suggestions(['15210', '15130'], wording)
    assert [suggestion.action for suggestion in found] == ['budget', 'courts']
    assert found[0].sectors == ('15210',) and found[1].sectors == ('15130',)
    assert action_suggestions(['11110'], wording) == []
