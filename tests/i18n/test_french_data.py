"""Data in French: the official French names of the demo's Central African and Ivorian institutions, documents and
events shown on French pages (and the English on English ones); statuses agreeing with the kind of document; the
sentences the checks generate (the flags of the dashboard and of the documents list) in the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ssrhub.countries.models import Actor, DocumentKind, DocumentStatus, NationalDocument, TimelineEvent, status_label
from ssrhub.framework.models import Mission

pytestmark = pytest.mark.django_db


@pytest.fixture(scope='module')
def demo(module_demo):
    return module_demo


def _client(demo, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies['django_language'] = language
    client.force_login(get_user_model().objects.get(username='viewer'))
    return client


def _shown(record) -> str:
    return record.display_name if isinstance(record, Actor) else record.display_title


def _texts(response, selector) -> list[str]:
    soup = BeautifulSoup(response.content, 'lxml')
    return [' '.join(element.get_text(' ').split()) for element in soup.select(selector)]


@pytest.mark.parametrize(
    ('kind', 'english', 'french'),
    [
        (DocumentKind.POLICY, 'Adopted', 'Adoptée'),
        (DocumentKind.STRATEGY, 'Endorsed or validated', 'Approuvée ou validée'),
        (DocumentKind.PLAN, 'Adopted', 'Adopté'),
        (DocumentKind.LAW, 'Not yet drafted', 'Pas encore rédigé'),
    ],
)
def test_status_agrees_with_the_kind_of_document(kind, english, french):
    status = {'Adopted': DocumentStatus.ADOPTED, 'Endorsed or validated': DocumentStatus.ENDORSED}.get(
        english, DocumentStatus.NOT_DRAFTED
    )
    with translation.override('en'):
        assert status_label(kind, status) == english
        assert NationalDocument(kind=kind, status=status).get_status_display() == english
    with translation.override('fr'):
        assert status_label(kind, status) == french
        assert NationalDocument(kind=kind, status=status).get_status_display() == french


@pytest.mark.parametrize(
    ('model', 'lookup', 'english', 'french'),
    [
        (
            Actor,
            {'country__iso3': 'CAF', 'acronym': 'FACA'},
            'Central African Armed Forces',
            'Forces armées centrafricaines',
        ),
        (Actor, {'country__iso3': 'CAF', 'name': 'Police'}, 'Police', 'Police centrafricaine'),
        (Actor, {'country__iso3': 'CIV', 'name': 'Gendarmerie'}, 'Gendarmerie', 'Gendarmerie nationale'),
        (Actor, {'country__iso3': 'CIV', 'name': 'Police'}, 'Police', 'Police nationale'),
        (
            NationalDocument,
            {'country__iso3': 'CAF', 'title': 'National Security Policy'},
            'National Security Policy',
            'Politique de sécurité nationale',
        ),
        (
            TimelineEvent,
            {'country__iso3': 'CIV', 'title': 'UNOCI established'},
            'UNOCI established',
            "Création de l'ONUCI",
        ),
    ],
)
def test_demo_records_carry_their_french(demo, model, lookup, english, french):
    record = model.objects.get(**lookup)
    with translation.override('en'):
        assert _shown(record) == english
    with translation.override('fr'):
        assert _shown(record) == french


def test_a_record_without_french_shows_its_name_in_french(demo):
    actor = Actor.objects.get(country__iso3='CAF', name='Anti-Balaka')
    with translation.override('fr'):
        assert actor.display_name == 'Anti-Balaka'


@pytest.mark.parametrize(
    ('iso3', 'names'),
    [
        ('CAF', ('Police centrafricaine', 'Gendarmerie nationale', 'Politique de sécurité nationale', 'Adoptée')),
        ('CIV', ('Police nationale', 'Gendarmerie nationale', "Fermeture de l'ONUCI")),
    ],
)
def test_brief_in_french_names_institutions_documents_and_events_in_french(demo, iso3, names):
    url = reverse('countries:brief', args=[iso3])
    french = ' '.join(_texts(_client(demo, 'fr').get(url, {'lang': 'fr'}), '.brief'))
    english = ' '.join(_texts(_client(demo, 'en').get(url, {'lang': 'en'}), '.brief'))
    for name in names:
        assert name in french
        assert name not in english


@pytest.mark.parametrize('iso3', ['CAF', 'CIV'])
@pytest.mark.parametrize(('page', 'selector'), [('dashboard', '.flag-message'), ('documents', '.flag-message')])
def test_generated_flags_follow_the_language(demo, iso3, page, selector):
    url = reverse(f'countries:{page}', args=[iso3])
    english = _texts(_client(demo, 'en').get(url), selector)
    french = _texts(_client(demo, 'fr').get(url), selector)
    assert english, f'{url}: the demo should show flags here'
    assert len(english) == len(french)
    same = [text for text, other in zip(french, english, strict=True) if text == other]
    assert same == [], f'{url}: sentences left in English on the French page'


@pytest.mark.parametrize(('acronym', 'french'), [('UNOCI', 'ONUCI'), ('UNTAC', 'APRONUC'), ('MINUSCA', 'MINUSCA')])
def test_missions_show_their_french_acronym_in_french(acronym, french):
    mission = Mission.objects.get(acronym=acronym)
    with translation.override('en'):
        assert str(mission) == acronym
    with translation.override('fr'):
        assert str(mission) == french
