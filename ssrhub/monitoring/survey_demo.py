"""The demo survey: Liberia's perception survey of public trust in the security services (the form in
``data/forms/``), published, with a few hundred generated answers. The answers are invented (seeded, so the demo is
the same each time) and the survey says so; the follow-up "phone numbers" are ``demo-`` codes, not numbers."""

import datetime
import random
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ssrhub.core.models import Country

from .models import Submission, SubmissionSource, Survey, SurveyStatus, SurveyVersion
from .xlsform import read_form

__all__ = ['DEMO_ANSWERS', 'DEMO_TITLE', 'generate_answers', 'load_surveys_demo']

DEMO_TITLE = 'Public trust in security services (demo)'
DEMO_ANSWERS = 300
FORM = 'public-trust-in-security-services.xlsx'
COUNTIES = {
    'montserrado': 30, 'nimba': 12, 'bong': 10, 'lofa': 8, 'grand_bassa': 7, 'margibi': 6, 'grand_gedeh': 4,
    'maryland': 4, 'sinoe': 3, 'grand_cape_mount': 3, 'river_cess': 2, 'river_gee': 2, 'grand_kru': 2, 'bomi': 3,
    'gbarpolu': 2,
}  # fmt: skip
AGES = {'18_24': 26, '25_34': 27, '35_49': 25, '50_64': 15, '65_plus': 7}


def _trust(rng: random.Random, weights: tuple[int, ...]) -> str:
    return rng.choices(['0', '1', '2', '3', '9'], weights=weights)[0]


def generate_answers(count: int, seed: int = 2026) -> list[dict]:
    """``count`` plausible answers to the form (invented, seeded)."""
    rng = random.Random(seed)
    answers = []
    for number in range(1, count + 1):
        sex = rng.choice(['female', 'male'])
        contact = rng.random() < 0.3
        victim = rng.random() < 0.25
        channels = rng.sample(['police', 'chief', 'court', 'community_watch'], rng.choice([1, 1, 2]))
        answer = {
            'sex': sex,
            'age_group': rng.choices(list(AGES), weights=list(AGES.values()))[0],
            'county': rng.choices(list(COUNTIES), weights=list(COUNTIES.values()))[0],
            'household_size': str(rng.randint(1, 12)),
            'trust_police': _trust(rng, (18, 30, 28, 16, 8) if sex == 'female' else (15, 28, 30, 20, 7)),
            'trust_army': _trust(rng, (10, 22, 32, 30, 6)),
            'trust_gendarmerie': '8',
            'trust_courts': _trust(rng, (20, 32, 26, 12, 10)),
            'contact_police': 'yes' if contact else 'no',
            'report_channels': 'nobody' if rng.random() < 0.08 else ' '.join(channels),
            'victim': 'yes' if victim else 'no',
        }
        if contact:
            answer['police_treatment'] = rng.choices(['well', 'neither', 'badly'], weights=(45, 30, 25))[0]
        if victim:
            incidents = []
            for _item in range(rng.choice([1, 1, 2])):
                reported = rng.random() < 0.4
                incident = {
                    'incident_type': rng.choices(
                        ['theft', 'assault', 'sexual_violence', 'extortion'], weights=(50, 25, 8, 17)
                    )[0],  # fmt: skip
                    'incident_date': (
                        datetime.date(2026, 10, 31) - datetime.timedelta(days=rng.randint(1, 360))
                    ).isoformat(),
                    'incident_reported': 'yes' if reported else 'no',
                }
                if not reported:
                    incident['why_not_reported'] = rng.choice(['not_serious', 'no_trust', 'fear', 'cost', 'settled'])
                incidents.append(incident)
            answer['incidents'] = incidents
        if rng.random() < 0.1:
            answer['respondent_phone'] = f'demo-{number:05d}'
        answers.append(answer)
    return answers


def load_surveys_demo(user=None, count: int = DEMO_ANSWERS) -> tuple[Survey, int]:
    """Liberia's demo survey with its form published and ``count`` generated answers (idempotent)."""
    data = (Path(__file__).with_name('data') / 'forms' / FORM).read_bytes()
    with transaction.atomic():
        survey, _created = Survey.objects.get_or_create(
            country=Country.objects.get(iso3='LBR'),
            title=DEMO_TITLE,
            defaults={
                'status': SurveyStatus.OPEN,
                'description': (
                    'Demo: the answers are generated (invented, seeded), not collected. The questions follow the '
                    'trust questions of Afrobarometer and the SDG 16 Survey Initiative (see the form).'
                ),
            },
        )
        if user is not None:
            survey.owners.add(user)
        version = survey.versions.filter(version='2026.1').first()
        if version is None:
            read = read_form(data, validate=False)
            version = SurveyVersion(
                survey=survey, file_name=FORM, form_id=read.form_id, version=read.version, title=read.title,
                xform=read.xform, structure={'questions': read.questions, 'choices': read.choices},
                languages=read.languages, features=read.features, unsupported=read.unsupported,
                identifying=read.identifying, warnings=read.warnings, validated=None, web_form=read.web_form,
                published_at=timezone.now(), uploaded_by=user,
            )  # fmt: skip
            version.file.save(FORM, ContentFile(data), save=False)
            version.save()
        start = datetime.datetime(2026, 11, 2, 8, tzinfo=datetime.UTC)
        known = set(survey.submissions.values_list('instance_id', flat=True))
        new = [
            Submission(
                survey=survey,
                version=version,
                instance_id=f'demo-{number:05d}',
                source=SubmissionSource.KOBO,
                file_name='generated demo answers',
                answers=answer,
                submitted_at=start + datetime.timedelta(minutes=97 * number),
            )  # fmt: skip
            for number, answer in enumerate(generate_answers(count), start=1)
            if f'demo-{number:05d}' not in known
        ]
        Submission.objects.bulk_create(new)
    return survey, len(new)
