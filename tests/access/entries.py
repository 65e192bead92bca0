"""The generic access suite's data: one entry per model with pages or API endpoints.

A new model joins by adding one ``AccessEntry`` to ``ENTRIES`` (see ``ssrhub/core/testing/access.py``): a function
returning one record (in Liberia when the model is country-scoped, with ``foreign`` returning one elsewhere), the
URL names of its pages and API endpoints with their keyword arguments, and a valid payload for each write.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from ssrhub.coding.models import CodeAssignment, ParagraphReview
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.access import AccessEntry, Endpoint, form_data
from ssrhub.countries.models import (
    Actor,
    ActorRelation,
    ActorType,
    Area,
    Assessment,
    DocumentKind,
    DocumentStatus,
    Engagement,
    EventKind,
    Headcount,
    NationalDocument,
    RelationKind,
    TimelineEvent,
)
from ssrhub.documents.models import Document, DocumentVersion, MissionLink, Paragraph
from ssrhub.framework.forms import MissionForm
from ssrhub.framework.models import Framework, FrameworkItem, FrameworkVersion, Mission, MissionTypeChoices, UNEntity

__all__ = ['ENTRIES']

SYMBOL = 'S/RES/2151 (2014)'
FOREIGN = 'CAF'


def pk(record) -> dict:
    return {'pk': record.pk}


def api(app: str, basename: str, lookup: str = 'pk', attribute: str = 'pk') -> tuple[Endpoint, Endpoint]:
    """The list and detail endpoints of a router-registered viewset."""
    return (
        Endpoint(f'{app}-api:{basename}-list', 'list', query='page_size=1000'),
        Endpoint(f'{app}-api:{basename}-detail', kwargs=lambda record: {lookup: getattr(record, attribute)}),
    )


# Section: records


def country(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3)


def document() -> Document:
    """A resolution with one stored version (and its original file), one paragraph and one link to UNMIL."""
    found = Document.objects.filter(key=SYMBOL).first()
    if found:
        return found
    record = Document.objects.create(
        symbol=SYMBOL, key=SYMBOL, title='Security sector reform', doc_type='resolution', language='en',
        date=datetime.date(2014, 4, 28),
    )  # fmt: skip
    text = 'Recognizes the importance of security sector reform in Liberia.'
    version = DocumentVersion.objects.create(
        document=record, number=1, sha256='0' * 64, filename='2151.txt', file_format='txt', size=len(text), text=text
    )
    version.original.save('2151.txt', ContentFile(text.encode()))
    Paragraph.objects.create(version=version, order=1, ref='1', kind='operative', text=text)
    MissionLink.objects.create(document=record, mission=Mission.objects.get(acronym='UNMIL'), relation='concerns')
    return record


def reviewer():
    return get_user_model().objects.get_or_create(username='access-suite-reviewer')[0]


def paragraph() -> Paragraph:
    return Paragraph.objects.get(version__document=document())


def mission_link() -> MissionLink:
    return MissionLink.objects.get(document=document())


def actor(iso3: str = 'LBR') -> Actor:
    return Actor.objects.get_or_create(
        country=country(iso3), name=f'National police {iso3}', defaults={'area': Area.CORE, 'type': ActorType.POLICE}
    )[0]


def relation(iso3: str = 'LBR') -> ActorRelation:
    army = Actor.objects.get_or_create(
        country=country(iso3), name=f'Armed forces {iso3}', defaults={'area': Area.CORE, 'type': ActorType.DEFENCE}
    )[0]
    return ActorRelation.objects.get_or_create(from_actor=army, kind=RelationKind.REPORTS_TO, to_actor=actor(iso3))[0]


def headcount(iso3: str = 'LBR') -> Headcount:
    return Headcount.objects.get_or_create(actor=actor(iso3), date=datetime.date(2020, 1, 1), defaults={'count': 5000})[
        0
    ]


def engagement(iso3: str = 'LBR') -> Engagement:
    return Engagement.objects.get_or_create(
        country=country(iso3),
        defaults={'setting': MissionTypeChoices.PEACEKEEPING, 'request_date': datetime.date(2003, 8, 18)},
    )[0]


def assessment(iso3: str = 'LBR') -> Assessment:
    return Assessment.objects.get_or_create(
        country=country(iso3),
        title=f'Sector review {iso3}',
        defaults={'date': datetime.date(2020, 1, 1), 'framework_version': FrameworkVersion.objects.first()},
    )[0]


def national_document(iso3: str = 'LBR') -> NationalDocument:
    return NationalDocument.objects.get_or_create(
        country=country(iso3),
        title=f'National security strategy {iso3}',
        defaults={'kind': DocumentKind.STRATEGY, 'status': DocumentStatus.ENDORSED},
    )[0]


def timeline_event(iso3: str = 'LBR') -> TimelineEvent:
    return TimelineEvent.objects.get_or_create(
        country=country(iso3), title=f'Peace agreement {iso3}', defaults={'kind': EventKind.CONFLICT}
    )[0]


def workspace_entry(model, basename, make, pages=()) -> AccessEntry:
    """A country workspace model: its read-only API and, once they stand on core's generic views, its pages.

    ``make(iso3='LBR')`` returns a record of that country. A page joins with its URL name, kind and, for a write,
    a payload, e.g. for actors::

        workspace_entry(Actor, 'actor', actor, pages=(
            Endpoint('countries:actors', 'list', kwargs=lambda a: {'iso3': a.country.iso3}),
            Endpoint('countries:actor_edit', 'edit', kwargs=lambda a: {'iso3': a.country.iso3, 'pk': a.pk},
                     data=lambda a: form_data(ActorForm, a, note='Checked by the access suite.')),
        ))
    """
    return AccessEntry(
        model=model,
        record=make,
        foreign=lambda: make(FOREIGN),
        pages=pages,
        api=api('countries', basename),
        writer=Role.COUNTRY_EDITOR,
    )


# Section: entries

MISSION = {'acronym': lambda mission: mission.acronym}
TRACK = {'kwargs': lambda link: {'acronym': link.mission.acronym}}

ENTRIES = [
    AccessEntry(
        model=Country,
        record=lambda: country('LBR'),
        pages=(
            Endpoint('country_list', 'list', query='q=Liberia'),
            Endpoint('country', kwargs=lambda c: {'iso3': c.iso3}),
            Endpoint('country_history', kwargs=lambda c: {'iso3': c.iso3}),
        ),
        api=api('core', 'country', 'iso3', 'iso3'),
        api_key='iso3',
    ),
    AccessEntry(
        model=Framework,
        record=lambda: Framework.objects.get(code='un-ssr'),
        pages=(Endpoint('framework:index', 'list'),),
        api=api('framework', 'framework', 'code', 'code'),
        marker=lambda framework: framework.current_version.get_absolute_url(),
    ),
    AccessEntry(
        model=FrameworkVersion,
        record=lambda: FrameworkVersion.objects.get(framework__code='un-ssr'),
        pages=(
            Endpoint('framework:version', kwargs=lambda v: {'framework': v.framework.code, 'version': v.version}),
            Endpoint(
                'framework:version_export',
                kwargs=lambda v: {'framework': v.framework.code, 'version': v.version, 'fmt': 'json'},
            ),
        ),
        api=api('framework', 'frameworkversion'),
    ),
    AccessEntry(
        model=FrameworkItem,
        record=lambda: FrameworkItem.objects.get(code='principle.national-ownership'),
        pages=tuple(
            Endpoint(
                name,
                kwargs=lambda i: {'framework': i.version.framework.code, 'version': i.version.version, 'code': i.code},
            )
            for name in ('framework:item', 'framework:item_history')
        ),
        api=api('framework', 'frameworkitem'),
    ),
    AccessEntry(
        model=UNEntity,
        record=lambda: UNEntity.objects.get(code='DPO'),
        pages=(
            Endpoint('framework:entity_list', 'list', query='q=DPO'),
            Endpoint('framework:entity', kwargs=lambda e: {'code': e.code}),
            Endpoint('framework:entity_history', kwargs=lambda e: {'code': e.code}),
        ),
        api=api('framework', 'unentity', 'code', 'code'),
    ),
    AccessEntry(
        model=Mission,
        record=lambda: Mission.objects.get(acronym='UNMIL'),
        foreign=lambda: Mission.objects.get(acronym='MINUSCA'),
        pages=(
            Endpoint('framework:mission_list', 'list', query='q=UNMIL'),
            Endpoint('framework:mission', kwargs=lambda m: {'acronym': m.acronym}),
            Endpoint('framework:mission_history', kwargs=lambda m: {'acronym': m.acronym}),
            Endpoint(
                'framework:mission_edit',
                'edit',
                kwargs=lambda m: {'acronym': m.acronym},
                data=lambda m: form_data(MissionForm, m, note='Checked by the access suite.'),
            ),
        ),
        api=api('framework', 'mission', 'acronym', 'acronym'),
        api_key='acronym',
        writer=Role.COUNTRY_EDITOR,
    ),
    AccessEntry(
        model=Document,
        record=document,
        pages=(
            Endpoint('documents:document_list', 'list'),
            Endpoint('documents:document', kwargs=pk),
            Endpoint('documents:document_history', kwargs=pk),
            Endpoint('documents:document_original', kwargs=lambda d: {'pk': d.pk, 'number': 1}),
            Endpoint(
                'documents:document_upload',
                'add',
                data=lambda d: {
                    'file': SimpleUploadedFile(
                        'ssr-note.txt',
                        b'Security sector reform in Liberia\n\n'
                        b'1. The Government adopted a national security strategy with its partners.\n\n'
                        b'2. The police and the armed forces were restructured under civilian oversight.\n',
                    )
                },
            ),
        ),
        api=api('documents', 'document'),
        writer=Role.ANALYST,
    ),
    AccessEntry(
        model=Paragraph,
        record=paragraph,
        pages=(
            Endpoint('documents:paragraph_search', 'list', query=f'symbol={SYMBOL}'),
            Endpoint(
                'coding:paragraph_review',
                'post',
                kwargs=pk,
                data=lambda p: {'action': 'accept', 'code': 'component.police', 'modality': ''},
                logs=CodeAssignment,
            ),
        ),
        api=api('documents', 'paragraph'),
        marker=lambda p: p.text,
        writer=Role.ANALYST,
    ),
    AccessEntry(
        model=ParagraphReview,
        record=lambda: ParagraphReview.objects.get_or_create(paragraph=paragraph(), reviewer=reviewer())[0],
        pages=(Endpoint('coding:agreement', 'list'), Endpoint('coding:agreement', 'list', query='format=csv')),
        reader=Role.ANALYST,
    ),
    AccessEntry(
        model=MissionLink,
        record=mission_link,
        pages=(
            Endpoint('mandates:index', 'list'),
            Endpoint('mandates:mission_track', **TRACK),
            Endpoint(
                'mandates:mission_track',
                'post',
                **TRACK,
                data=lambda link: {'symbol': SYMBOL, 'relation': 'concerns', 'note': 'Checked by the access suite.'},
            ),
            Endpoint('mandates:timeline', **TRACK),
            *(
                Endpoint(name, kwargs=lambda link, name=name: {'acronym': link.mission.acronym, 'fmt': 'csv'})
                for name in (
                    'mandates:in_force_export',
                    'mandates:pema_table_export',
                    'mandates:carry_export',
                    'mandates:matrix_export',
                )
            ),
            Endpoint('mandates:matrix', **TRACK),
            Endpoint('mandates:matrix_paragraphs', **TRACK, query='code=ALL&side=mandated'),
            Endpoint('mandates:trends'),
            Endpoint('mandates:trend_export', kwargs=lambda link: {'measure': 'ssr-language', 'fmt': 'csv'}),
        ),
        api=(
            Endpoint('mandates-api:mission_links', 'list', **TRACK),
            Endpoint('mandates-api:mission_in_force', **TRACK),
            Endpoint('mandates-api:mission_pema_table', **TRACK),
            Endpoint('mandates-api:mission_matrix', **TRACK),
            Endpoint('mandates-api:trends'),
            Endpoint('mandates-api:trend_chart', kwargs=lambda link: {'measure': 'ssr-language'}),
        ),
        marker=lambda link: link.mission.acronym,
        writer=Role.ANALYST,
    ),
    workspace_entry(Engagement, 'engagement', engagement),
    workspace_entry(Actor, 'actor', actor),
    workspace_entry(ActorRelation, 'actorrelation', relation),
    workspace_entry(Headcount, 'headcount', headcount),
    workspace_entry(Assessment, 'assessment', assessment),
    workspace_entry(NationalDocument, 'nationaldocument', national_document),
    workspace_entry(TimelineEvent, 'timelineevent', timeline_event),
    # Section: coding's lists and API (the review and agreement pages are in the entries above)
    AccessEntry(
        model=CodeAssignment,
        record=lambda: CodeAssignment.objects.get_or_create(
            paragraph=paragraph(), code='component.police', source='machine', codebook_version='access-suite'
        )[0],
        pages=(Endpoint('coding:code_assignment_list', 'list', query='symbol=' + SYMBOL),),
        api=api('coding', 'codeassignment'),
    ),
    AccessEntry(
        model=ParagraphReview,
        record=lambda: ParagraphReview.objects.get_or_create(paragraph=paragraph(), reviewer=reviewer())[0],
        pages=(Endpoint('coding:paragraph_review_list', 'list'),),
        api=api('coding', 'paragraphreview'),
        reader=Role.ANALYST,
    ),
]
