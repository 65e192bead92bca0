"""The codes in force on a paragraph: the machine's, less reviewers' rejections, plus their additions."""

from pathlib import Path

import pytest
from django.db.models import Q

from ssrhub.coding.effective import effective, effective_codes
from ssrhub.coding.review import record_decision
from ssrhub.core.roles import Role
from ssrhub.documents.filtersets import ParagraphFilterSet
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture
def op15():
    ingest_path(SAMPLE)
    return Paragraph.objects.get(version__document__symbol='S/RES/2151 (2014)', ref='15')


def _codes(paragraph, **options) -> set[str]:
    return {code for _id, code, _modality, _explicit in effective_codes(Q(paragraph=paragraph), **options)}


def test_reviewers_decisions_override_the_machine(make_user, op15):
    machine = _codes(op15)
    assert 'component.defence' in machine and 'initiative.legislation' not in machine
    ana, bob = make_user('ana', Role.ANALYST), make_user('bob', Role.ANALYST)
    record_decision(op15, ana, 'reject', 'component.defence')
    record_decision(op15, bob, 'add', 'initiative.legislation')
    assert _codes(op15) == machine - {'component.defence'} | {'initiative.legislation'}
    assert _codes(op15, reviewers=[ana]) == machine - {'component.defence'}
    assert _codes(op15, reviewers=[bob]) == machine | {'initiative.legislation'}
    assert _codes(op15, reviewers=[]) == machine
    assert effective(Q(paragraph=op15), reviewers=[]).filter(source='human').count() == 0


def test_paragraph_search_by_code_finds_the_codes_in_force(make_user, op15):
    def found(code):
        return op15 in ParagraphFilterSet({'code': code}, queryset=Paragraph.objects.all()).qs

    assert found('component.defence') and not found('initiative.legislation')
    ana = make_user('ana', Role.ANALYST)
    record_decision(op15, ana, 'reject', 'component.defence')
    record_decision(op15, ana, 'add', 'initiative.legislation')
    assert not found('component.defence') and found('initiative.legislation')


def test_coding_filters_follow_the_words_field():
    assert list(ParagraphFilterSet.base_filters)[:3] == ['q', 'code', 'force']
