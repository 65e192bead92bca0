"""A UN document symbol typed into any form is validated and stored in canonical form."""

import pytest
from django.contrib.contenttypes.models import ContentType

from ssrhub.core.models import SourceCitation
from ssrhub.framework.models import Mission

pytestmark = pytest.mark.django_db


def _admin_mission_data(mission, symbol):
    return {
        'acronym': mission.acronym,
        'name_en': mission.name_en,
        'name_fr': mission.name_fr,
        'type': mission.type,
        'countries': [country.pk for country in mission.countries.all()],
        'start': mission.start.isoformat(),
        'end': '',
        'established_by': symbol,
        'note': mission.note,
        'core-sourcecitation-content_type-object_id-TOTAL_FORMS': '0',
        'core-sourcecitation-content_type-object_id-INITIAL_FORMS': '0',
    }


def test_admin_refuses_a_malformed_symbol_with_a_message(admin_client):
    mission = Mission.objects.get(acronym='MINUSCA')
    response = admin_client.post(
        f'/admin/framework/mission/{mission.pk}/change/', _admin_mission_data(mission, 'S/RES/2149 (1814)')
    )
    assert response.status_code == 200
    assert 'is not a valid UN document symbol' in response.content.decode()
    mission.refresh_from_db()
    assert mission.established_by == 'S/RES/2149 (2014)'


def test_citation_symbol_is_normalised_on_save():
    mission = Mission.objects.get(acronym='MINUSCA')
    citation = SourceCitation(
        content_type=ContentType.objects.get_for_model(Mission),
        object_id=mission.pk,
        symbol='a/62/659 – s/2008/39',
        paragraph='17',
    )
    citation.full_clean()
    citation.save()
    citation.refresh_from_db()
    assert citation.symbol == 'A/62/659-S/2008/39'
    assert citation.text == 'A/62/659-S/2008/39, para. 17'


def test_citation_without_any_source_is_invalid():
    citation = SourceCitation(content_type=ContentType.objects.get_for_model(Mission), object_id=1, paragraph='3')
    with pytest.raises(Exception, match='needs a document symbol, a book chapter or a URL'):
        citation.full_clean()
