"""Support requests: the first step with the request, the dated history of steps, ranking, proposing, selecting and
recording the deployment on the expert's profile."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.framework.models import FrameworkItem, UNEntity
from ssrhub.roster.forms import expertise_queryset
from ssrhub.roster.models import (
    Availability,
    Candidate,
    Deployment,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    SupportRequest,
)
from ssrhub.roster.services import record_step

pytestmark = pytest.mark.django_db

D = datetime.date


def item(code: str) -> FrameworkItem:
    return expertise_queryset().get(code=code)


def expert(name, police_level, french, available) -> ExpertProfile:
    profile = ExpertProfile.objects.create(name=name)
    Expertise.objects.create(profile=profile, item=item('component.police'), level=police_level)
    LanguageSkill.objects.create(profile=profile, language='fr', proficiency=french)
    Availability.objects.create(profile=profile, start=available[0], end=available[1])
    return profile


@pytest.fixture
def setting(make_user):
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    return {
        'editor': editor,
        'manager': make_user('manager', Role.ROSTER_MANAGER),
        'best': expert('Best Fit', 3, 4, (D(2026, 1, 1), D(2026, 12, 31))),
        'partial': expert('Partial Fit', 1, 1, (D(2026, 6, 16), D(2026, 12, 31))),
    }


def test_an_editor_makes_a_request_and_its_first_step_is_dated(client, setting):
    client.force_login(setting['editor'])
    url = reverse('roster:request_add', args=['LBR'])
    response = client.post(
        url,
        {
            'requested_by': 'Ministry of Justice',
            'addressees': [UNEntity.objects.get(code='IASSRTF').pk],
            'title': 'Police reform adviser',
            'skills': [item('component.police').pk],
            'languages': ['fr'],
            'proficiency': 3,
            'start': '2026-06-01',
            'end': '2026-06-30',
        },
    )
    assert response.status_code == 302, response.context['form'].errors
    request = SupportRequest.objects.get(title='Police reform adviser')
    assert request.country.iso3 == 'LBR'
    assert [(s.status, s.date) for s in request.steps.all()] == [('requested', datetime.date.today())]
    assert request.status == 'requested'
    assert client.get(reverse('roster:request_add', args=['CAF'])).status_code == 403


def test_a_request_needs_both_ends_of_its_period(client, setting):
    client.force_login(setting['editor'])
    response = client.post(
        reverse('roster:request_add', args=['LBR']),
        {'requested_by': 'x', 'addressees': [UNEntity.objects.get(code='GFP').pk], 'title': 'x', 'start': '2026-06-01'},
    )
    assert response.status_code == 400
    assert 'Give both ends of the period, or neither.' in response.context['form'].errors['end']


@pytest.fixture
def request_(setting):
    request = SupportRequest.objects.create(
        country=Country.objects.get(iso3='LBR'),
        title='Police reform adviser',
        requested_by='Ministry of Justice',
        languages=['fr'],
        proficiency=3,
        start=D(2026, 6, 1),
        end=D(2026, 6, 30),
    )
    request.addressees.set([UNEntity.objects.get(code='IASSRTF')])
    request.skills.set([item('component.police')])
    record_step(request, 'requested', D(2026, 3, 1))
    return request


def test_steps_are_checked_and_kept_as_a_dated_history(request_):
    record_step(request_, 'acknowledged', D(2026, 3, 5), 'Received by the SSR Unit')
    with pytest.raises(ValidationError, match='cannot be dated before'):
        record_step(request_, 'candidates-proposed', D(2026, 3, 4))
    with pytest.raises(ValidationError, match='Select an expert'):
        record_step(request_, 'deployed', D(2026, 3, 6))
    record_step(request_, 'cancelled', D(2026, 3, 7))
    with pytest.raises(ValidationError, match='no step may follow'):
        record_step(request_, 'completed', D(2026, 3, 8))
    request_.refresh_from_db()
    assert (request_.status, request_.status_date) == ('cancelled', D(2026, 3, 7))
    assert [s.status for s in request_.steps.all()] == ['requested', 'acknowledged', 'cancelled']


def test_a_manager_ranks_proposes_selects_and_records_the_deployment(client, setting, request_):
    client.force_login(setting['manager'])
    page = client.get(request_.get_absolute_url())
    ranking = page.context['ranking']
    assert [p.name for p, *_rest in ranking] == ['Best Fit', 'Partial Fit']
    best_match = ranking[0][1]
    assert best_match.score == 95  # everything matches; never rated: half the rating points
    partial = {c['label']: c['text'] for c in ranking[1][2]}
    assert str(partial['Availability']) == 'Available 15 of the 30 days asked.'
    assert 'Not at the level asked: French.' in partial['Languages']
    candidates = reverse('roster:request_candidates', args=[request_.pk])
    for profile in (setting['best'], setting['partial']):
        assert client.post(candidates, {'action': 'propose', 'profile': profile.pk}).status_code == 302
    best = Candidate.objects.get(request=request_, profile=setting['best'])
    assert best.score == 95
    client.post(candidates, {'action': 'select', 'candidate': best.pk})
    steps = reverse('roster:request_step', args=[request_.pk])
    for status, date in (('candidates-proposed', '2026-04-01'), ('expert-selected', '2026-04-15')):
        client.post(steps, {'status': status, 'date': date})
    client.post(steps, {'status': 'deployed', 'date': '2026-06-01', 'note': 'Arrived in Monrovia'})
    deployment = Deployment.objects.get(request=request_)
    assert (deployment.profile, deployment.country.iso3, deployment.start, deployment.end) == (
        setting['best'],
        'LBR',
        D(2026, 6, 1),
        None,
    )
    client.post(steps, {'status': 'completed', 'date': '2026-06-30'})
    deployment.refresh_from_db()
    assert deployment.end == D(2026, 6, 30)
    history = client.get(reverse('roster:request_history', args=[request_.pk])).content.decode()
    assert 'Deployed (2026-06-01)' in history
    timeline = client.get(request_.get_absolute_url()).context['timeline']
    assert [(p['status'], p['step'].date if p['step'] else None) for p in timeline] == [
        ('requested', D(2026, 3, 1)),
        ('acknowledged', None),
        ('candidates-proposed', D(2026, 4, 1)),
        ('expert-selected', D(2026, 4, 15)),
        ('deployed', D(2026, 6, 1)),
        ('completed', D(2026, 6, 30)),
    ]


def test_a_refused_step_is_explained_and_writes_nothing(client, setting, request_):
    client.force_login(setting['manager'])
    response = client.post(
        reverse('roster:request_step', args=[request_.pk]), {'status': 'deployed', 'date': '2026-04-01'}, follow=True
    )
    assert 'Select an expert before recording the deployment.' in response.content.decode()
    assert request_.steps.count() == 1


def test_a_viewer_may_not_record_steps_nor_propose(client, make_user, request_, setting):
    client.force_login(make_user('viewer', Role.VIEWER))
    assert (
        client.post(
            reverse('roster:request_step', args=[request_.pk]), {'status': 'acknowledged', 'date': '2026-04-01'}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse('roster:request_candidates', args=[request_.pk]),
            {'action': 'propose', 'profile': setting['best'].pk},
        ).status_code
        == 403
    )
    assert request_.steps.count() == 1 and not Candidate.objects.exists()


def test_the_api_records_the_next_step_and_refuses_a_wrong_one(client, setting, request_):
    client.force_login(setting['manager'])
    url = reverse('roster-api:requeststep-list')
    wrong = client.post(url, {'request': request_.pk, 'status': 'arrived', 'date': '2026-04-01'}, 'application/json')
    assert wrong.status_code == 400 and 'status' in wrong.json()
    early = client.post(
        url, {'request': request_.pk, 'status': 'acknowledged', 'date': '2026-02-01'}, 'application/json'
    )
    assert early.status_code == 400 and 'cannot be dated before' in early.json()['status'][0]
    good = client.post(
        url, {'request': request_.pk, 'status': 'acknowledged', 'date': '2026-04-01'}, 'application/json'
    )
    assert good.status_code == 201, good.content
    detail = client.get(reverse('roster-api:supportrequest-detail', args=[request_.pk])).json()
    assert (detail['status'], [s['status'] for s in detail['steps']]) == ('acknowledged', ['requested', 'acknowledged'])
