"""The generic access suite's data: one entry per model with pages or API endpoints.

A new model joins by adding one ``AccessEntry`` to ``ENTRIES`` (see ``ssrhub/core/testing/access.py``): a function
returning one record (in Liberia when the model is country-scoped, with ``foreign`` returning one elsewhere), the
URL names of its pages and API endpoints with their keyword arguments, and a valid payload for each write.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from ssrhub.coding.models import CodeAssignment, LearnedProposal, ParagraphReview
from ssrhub.coordination.forms.activities import PARTS as ACTIVITY_PARTS
from ssrhub.coordination.forms.activities import ActivityForm, OrganisationForm
from ssrhub.coordination.forms.fora import DecisionForm, ForumForm, ForumMemberForm, MeetingForm
from ssrhub.coordination.models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    AdminArea,
    Budget,
    CodelistItem,
    Decision,
    DecisionStatusUpdate,
    Forum,
    ForumMember,
    IatiImport,
    LinkKind,
    Meeting,
    Organisation,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    ThreeWImport,
    Transaction,
)
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.access import HOME, AccessEntry, Endpoint, form_data
from ssrhub.countries.forms import (
    ActionForm,
    ActorForm,
    AssessmentForm,
    EngagementForm,
    NationalDocumentForm,
    ObjectiveForm,
    PillarForm,
    StageForm,
    ThreatForm,
    TimelineEventForm,
)
from ssrhub.countries.models import (
    Action,
    ActionStatus,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    ActorType,
    Area,
    Assessment,
    AssessmentRating,
    DatePrecision,
    DocumentKind,
    DocumentStatus,
    Engagement,
    EngagementStage,
    EventDate,
    EventKind,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    RelationKind,
    Score,
    Stage,
    Threat,
    TimelineEvent,
    WomenShareTarget,
)
from ssrhub.countries.views.assessments import framework_items, latest_framework_version
from ssrhub.documents.forms import DocumentMetadataForm
from ssrhub.documents.models import Document, DocumentVersion, IngestJob, MissionLink, Paragraph, SymbolConflict
from ssrhub.finance.forms import ExchangeRateForm
from ssrhub.finance.models import DuplicationReview, ExchangeRate, ReviewDecision
from ssrhub.framework.forms import MissionForm
from ssrhub.framework.models import Framework, FrameworkItem, FrameworkVersion, Mission, MissionTypeChoices, UNEntity
from ssrhub.monitoring.forms.frameworks import (
    FrameworkResultForm,
    IndicatorForm,
    IndicatorPeriodForm,
    ResultLevelForm,
    ResultsFrameworkForm,
)
from ssrhub.monitoring.forms.surveys import SurveyForm
from ssrhub.monitoring.models import (
    ActualReport,
    ActualStep,
    ActualValue,
    ConflictEvent,
    DisaggregationType,
    FrameworkResult,
    Indicator,
    IndicatorDisaggregation,
    IndicatorPeriod,
    LibraryIndicator,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    SdgIndicator,
    StatisticLoad,
    StatisticSeries,
    StatisticValue,
    Submission,
    Survey,
    SurveyImport,
    SurveyVersion,
)
from ssrhub.monitoring.tests.survey_files import form_bytes, odk_zip
from ssrhub.roster.forms import PARTS as PROFILE_PARTS
from ssrhub.roster.forms import ExpertProfileForm, SupportRequestForm
from ssrhub.roster.models import Candidate, Deployment, ExpertProfile, RequestStep, RosterExport, SupportRequest
from ssrhub.safeguards import models as hrdd
from ssrhub.safeguards.forms.cases import MitigationForm
from ssrhub.safeguards.forms.cases import SupportRequestForm as HrddRequestForm
from ssrhub.safeguards.forms.vetting import IndividualForm
from ssrhub.safeguards.models import (
    Allegation,
    AllegationSource,
    Individual,
    IndividualCategory,
    ListedPerson,
    NamedExport,
    Screening,
    ScreeningMatch,
    WatchList,
)
from ssrhub.safeguards.models import SupportRequest as DueDiligenceRequest
from ssrhub.safeguards.tests.allegations_data import allegation

__all__ = ['ENTRIES']

SYMBOL = 'S/RES/2151 (2014)'
FOREIGN = 'CAF'


def pk(record) -> dict:
    return {'pk': record.pk}


def api(
    app: str, basename: str, lookup: str = 'pk', attribute: str = 'pk', create=None, change=None, creates=True
) -> tuple[Endpoint, Endpoint]:
    """The list and detail endpoints of a router-registered viewset; for a writable one, ``create`` and ``change``
    are the payloads of a POST to the list and of a PUT and a PATCH to the detail (then a DELETE)."""
    return (
        Endpoint(f'{app}-api:{basename}-list', 'list', query='page_size=1000', data=create, saves=creates),
        Endpoint(
            f'{app}-api:{basename}-detail', kwargs=lambda record: {lookup: getattr(record, attribute)}, data=change
        ),
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


def symbol_conflict() -> SymbolConflict:
    """A file that names the access suite's document in its file name only, stored as its own document."""
    key = 'sha256:' + '1' * 64
    found = SymbolConflict.objects.filter(document__key=key).first()
    if found:
        return found
    record = Document.objects.create(key=key, title='Security sector reform (a note)', doc_type='other', language='en')
    return SymbolConflict.objects.create(
        document=record, filename='S_RES_2151_2014_EN.txt', filename_symbol=SYMBOL, known=document()
    )


def ingest_job() -> IngestJob:
    """An upload by someone without a role: its owner and administrators read it."""
    owner, _ = get_user_model().objects.get_or_create(username='uploader')
    found = IngestJob.objects.filter(user=owner).first()
    return found or IngestJob.objects.create(
        user=owner, filename='ssr-note.txt', size=120, sha256='2' * 64, status=IngestJob.Status.FAILED
    )


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


def women_share_target(iso3: str = 'LBR') -> WomenShareTarget:
    return WomenShareTarget.objects.get_or_create(
        country=country(iso3), actor=None, target_date=datetime.date(2030, 12, 31), defaults={'share': 30}
    )[0]


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
        defaults={
            'kind': DocumentKind.STRATEGY,
            'status': DocumentStatus.ENDORSED,
            'adopted': datetime.date(2017, 1, 1),
        },
    )[0]


def timeline_event(iso3: str = 'LBR') -> TimelineEvent:
    return TimelineEvent.objects.get_or_create(
        country=country(iso3), title=f'Peace agreement {iso3}', defaults={'kind': EventKind.CONFLICT}
    )[0]


def stage(iso3: str = 'LBR') -> EngagementStage:
    return EngagementStage.objects.get_or_create(engagement=engagement(iso3), stage=Stage.ASSESSMENT)[0]


def threat(iso3: str = 'LBR') -> Threat:
    return Threat.objects.get_or_create(document=national_document(iso3), ref='T1', defaults={'title': 'Armed groups'})[
        0
    ]


def objective(iso3: str = 'LBR') -> Objective:
    return Objective.objects.get_or_create(
        document=national_document(iso3), ref='O1', defaults={'title': 'Civilian oversight'}
    )[0]


def pillar(iso3: str = 'LBR') -> Pillar:
    return Pillar.objects.get_or_create(document=national_document(iso3), ref='P1', defaults={'title': 'Police'})[0]


def plan_action(iso3: str = 'LBR') -> Action:
    return Action.objects.get_or_create(
        document=national_document(iso3), ref='A1', defaults={'title': 'Vet the police'}
    )[0]


def exchange_rate() -> ExchangeRate:
    return ExchangeRate.objects.get_or_create(
        currency='EUR', period=datetime.date(2024, 1, 1), period_precision='year',
        defaults={'rate': '0.9243', 'source': 'IMF annual average'},
    )[0]  # fmt: skip


def duplication_review(iso3: str = 'LBR') -> DuplicationReview:
    return DuplicationReview.objects.get_or_create(
        action=plan_action(iso3), activities='X1 X2', defaults={'fingerprint': 'f', 'decision': 'dismissed'}
    )[0]


def status_update(iso3: str = 'LBR') -> ActionStatusUpdate:
    return ActionStatusUpdate.objects.get_or_create(
        action=plan_action(iso3), date=datetime.date(2021, 1, 1), defaults={'status': ActionStatus.ON_TRACK}
    )[0]


def rating(iso3: str = 'LBR') -> AssessmentRating:
    record = assessment(iso3)
    item = next(i for i in framework_items(record.framework_version) if not i.code.startswith('principle.'))
    return AssessmentRating.objects.get_or_create(assessment=record, item=item, defaults={'score': Score.values[1]})[0]


def event_date(iso3: str = 'LBR') -> EventDate:
    return EventDate.objects.get_or_create(
        event=timeline_event(iso3), date=datetime.date(2003, 8, 18), defaults={'source': 'Accra agreement'}
    )[0]


def partner() -> Organisation:
    return Organisation.objects.get_or_create(name='Access suite partner', defaults={'type': '40'})[0]


def forum(iso3: str = 'LBR') -> Forum:
    return Forum.objects.get_or_create(
        country=country(iso3), name=f'National security council {iso3}', defaults={'level': 'strategic'}
    )[0]


def forum_member(iso3: str = 'LBR') -> ForumMember:
    return ForumMember.objects.get_or_create(forum=forum(iso3), organisation=partner(), role='member', start=None)[0]


def forum_meeting(iso3: str = 'LBR') -> Meeting:
    """A meeting with its minutes on file."""
    record = Meeting.objects.get_or_create(forum=forum(iso3), date=datetime.date(2020, 3, 1))[0]
    if not record.minutes:
        record.minutes.save('minutes.txt', ContentFile(b'Minutes of the meeting.'))
    return record


def forum_decision(iso3: str = 'LBR') -> Decision:
    return Decision.objects.get_or_create(
        meeting=forum_meeting(iso3), ref='D1', defaults={'text': 'Vet the police', 'due': datetime.date(2021, 1, 1)}
    )[0]


def decision_update(iso3: str = 'LBR') -> DecisionStatusUpdate:
    return DecisionStatusUpdate.objects.get_or_create(
        decision=forum_decision(iso3), date=datetime.date(2020, 3, 1), defaults={'status': 'open'}
    )[0]


def expert(name: str = 'Access Suite Expert') -> ExpertProfile:
    return ExpertProfile.objects.get_or_create(name=name, defaults={'email': 'expert@example.org', 'demo': True})[0]


def support_request(iso3: str = 'LBR') -> SupportRequest:
    record, created = SupportRequest.objects.get_or_create(
        country=country(iso3), title=f'Police adviser {iso3}', defaults={'requested_by': 'Ministry of Justice'}
    )
    if created:
        record.addressees.set([UNEntity.objects.get(code='IASSRTF')])
        RequestStep.objects.create(request=record, status='requested', date=datetime.date(2020, 1, 1))
    return record


def request_step() -> RequestStep:
    return RequestStep.objects.get(request=support_request(), status='requested')


def candidate() -> Candidate:
    return Candidate.objects.get_or_create(
        request=support_request(), profile=expert(), defaults={'proposed': datetime.date(2020, 2, 1)}
    )[0]


def deployment() -> Deployment:
    return Deployment.objects.get_or_create(
        profile=expert(), role='Police adviser', start=datetime.date(2019, 1, 1),
        defaults={'country': country('LBR'), 'rating': 4},
    )[0]  # fmt: skip


def roster_export() -> RosterExport:
    return RosterExport.objects.get_or_create(user=reviewer(), format='csv', defaults={'rows': 3, 'contacts': True})[0]


def due_diligence_request() -> DueDiligenceRequest:
    return DueDiligenceRequest.objects.get_or_create(
        country=country('LBR'), title='Access suite support', un_entity=UNEntity.objects.get(code='DPO'),
        recipient=actor(), kind='training', start=datetime.date(2015, 3, 1), basis='Access suite mandate',
    )[0]  # fmt: skip


def named_export() -> NamedExport:
    return NamedExport.objects.get_or_create(
        user=reviewer(), country=country('LBR'), model='safeguards.Allegation', format='csv',
        defaults={'rows': 3, 'reason': 'The access suite checks who reads the log of named exports.'},
    )[0]  # fmt: skip


def profile_form_data(record, **changes) -> dict:
    """A valid edit of a profile: its own fields and every part's empty formset (the parts stay as they are)."""
    data = form_data(ExpertProfileForm, record, **changes)
    for prefix, *_rest in PROFILE_PARTS:
        data.update({f'{prefix}-TOTAL_FORMS': 0, f'{prefix}-INITIAL_FORMS': 0})
    return data


# Section: payloads

CHECKED = 'Checked by the access suite.'
# The user of a form whose payload is built: a payload does not depend on the records the form offers.
ANYONE = AnonymousUser()


def ratings_data(items, ratings=None, **changes) -> dict:
    """The ratings formset of an assessment form: one form per item, rated as ``ratings`` (item id -> rating)
    stand, with ``changes`` to the rating of the item of that code."""
    data = {'ratings-TOTAL_FORMS': len(items), 'ratings-INITIAL_FORMS': len(items)}
    for index, item in enumerate(items):
        values = {'code': item.code}
        rated = (ratings or {}).get(item.pk)
        if rated:
            values.update(score=rated.score or '', compliance=rated.compliance, evidence=rated.evidence)
        values.update(changes.get(item.code, {}))
        data.update({f'ratings-{index}-{name}': value for name, value in values.items()})
    return data


def assessment_edit_data(record, **changes) -> dict:
    """A valid edit of an assessment with all its ratings; ``changes`` by item code."""
    ratings = {r.item_id: r for r in record.ratings.all()}
    items = framework_items(record.framework_version)
    return {**form_data(AssessmentForm, record), **ratings_data(items, ratings, **changes)}


# Section: monitoring (results frameworks)


def results_framework(iso3: str = 'LBR') -> ResultsFramework:
    return ResultsFramework.objects.get_or_create(
        country=country(iso3),
        title=f'Access suite framework {iso3}',
        defaults={'programme': 'Access suite programme', 'start': datetime.date(2024, 1, 1)},
    )[0]


def result_level(iso3: str = 'LBR') -> ResultLevel:
    return ResultLevel.objects.get_or_create(
        framework=results_framework(iso3), name='Access suite level', defaults={'order': 9, 'result_type': '1'}
    )[0]


def framework_result(iso3: str = 'LBR') -> FrameworkResult:
    framework = results_framework(iso3)
    return FrameworkResult.objects.get_or_create(
        framework=framework,
        code='9',
        defaults={'level': framework.levels.order_by('order').first(), 'statement': 'Police trusted by the public'},
    )[0]


def result_activity(iso3: str = 'LBR') -> ResultActivity:
    return ResultActivity.objects.get_or_create(result=framework_result(iso3), activity=activity(iso3))[0]


def other_activity(iso3: str = 'LBR') -> Activity:
    """A second activity of the country, for a new link to a result."""
    first = activity(iso3)
    return Activity.objects.get_or_create(
        iati_identifier=f'XM-ACCESS-2-{iso3}',
        defaults={
            'reporting_organisation': first.reporting_organisation,
            'country': first.country,
            'title': f'Justice support {iso3}',
            'status': '2',
            'planned_start': datetime.date(2020, 1, 1),
            'default_currency': 'USD',
        },
    )[0]


def monitoring_indicator(iso3: str = 'LBR') -> Indicator:
    return Indicator.objects.get_or_create(
        result=framework_result(iso3),
        code='9.a',
        defaults={'title': 'Trust in the police', 'baseline_not_available': True, 'baseline_reason': 'No survey yet'},
    )[0]


def indicator_period(iso3: str = 'LBR') -> IndicatorPeriod:
    return IndicatorPeriod.objects.get_or_create(
        indicator=monitoring_indicator(iso3),
        start=datetime.date(2025, 1, 1),
        defaults={'end': datetime.date(2025, 12, 31), 'target': 10, 'label': '2025'},
    )[0]


def framework_country(record) -> str:
    return record.framework.country.iso3


def result_country(record) -> str:
    return record.result.framework.country.iso3


# Section: pages

# A record's page of its own country, or of the checks' home country (Liberia) with the record's id: for a record of
# another country, that is the id guessed under the user's country (a 404), while add pages and the pages without an
# id are asked under the record's own country (a 403 for a user who may not write there).


def at(iso3_of, more=lambda record: {}):
    """kwargs: the country ``iso3_of(record)`` and ``more(record)``."""
    return lambda record: {'iso3': iso3_of(record), **more(record)}


def guessed(more=lambda record: {}):
    """kwargs: the home country and ``more(record)`` (the record's id)."""
    return lambda record: {'iso3': HOME, **more(record)}


def home(record) -> dict:
    return {'iso3': HOME}


def row(prefix: str):
    """The marker of a record listed as a table row ``id="<prefix>-<pk>"``."""
    return lambda record: f'id="{prefix}-{record.pk}"'


def own_country(record):
    return record.country.iso3


def document_country(record):
    return record.document.country.iso3


def by_pk(record) -> dict:
    return {'pk': record.pk}


def part_pages(part: str, form, on_document: bool = False) -> tuple[Endpoint, ...]:
    """A threat, objective, pillar or action: added and changed on its document (``on_document``: the form offers
    the document's records)."""

    def more(record):
        return {'pk': record.document.pk, 'part': part}

    def form_kwargs(record):
        return {'document': record.document, 'user': ANYONE} if on_document else {}

    return (
        Endpoint(
            'countries:part_add',
            'add',
            kwargs=at(document_country, more),
            data=lambda r: form_data(
                form, type(r)(document=r.document), form_kwargs(r), ref='X9', title='Added by the access suite'
            ),
        ),
        Endpoint(
            'countries:part_edit',
            'edit',
            kwargs=guessed(lambda r: {**more(r), 'part_pk': r.pk}),
            data=lambda r: form_data(form, r, form_kwargs(r), title=f'{r.title} ({CHECKED})'),
        ),
    )


def workspace_record(model, make, pages=(), **options) -> AccessEntry:
    """A country workspace model: ``make(iso3='LBR')`` returns a record of that country, ``make(FOREIGN)`` the other
    country's; the country editor writes. ``pages`` are its workspace pages (see the entries below: lists of the home
    country, reads of the record's country, adds in the record's country, changes and deletes by id under the home
    country); ``options`` go to ``AccessEntry`` (``api``, ``marker``)."""
    return AccessEntry(
        model=model, record=make, foreign=lambda: make(FOREIGN), pages=pages, writer=Role.COUNTRY_EDITOR, **options
    )


def workspace_entry(model, basename, make, create, change, pages=(), marker=None, creates=True) -> AccessEntry:
    """A country workspace model with an API: ``create`` and ``change`` are the API's payloads from a record (see
    ``api()``; ``creates=False`` when the record forbids another like it)."""
    return workspace_record(
        model, make, pages, api=api('countries', basename, create=create, change=change, creates=creates), marker=marker
    )


# Section: coordination


def organisation() -> Organisation:
    return Organisation.objects.get_or_create(
        iati_ref='XM-ACCESS-1', defaults={'name': 'Access suite partner', 'type': '40'}
    )[0]


def activity(iso3: str = 'LBR') -> Activity:
    return Activity.objects.get_or_create(
        iati_identifier=f'XM-ACCESS-1-{iso3}',
        defaults={
            'reporting_organisation': organisation(),
            'country': country(iso3),
            'title': f'Police support {iso3}',
            'status': '2',
            'planned_start': datetime.date(2020, 1, 1),
            'default_currency': 'USD',
        },
    )[0]


def activity_form_data(record: Activity, **changes) -> dict:
    """The activity form with empty parts (each formset's management form)."""
    data = form_data(ActivityForm, record, {'user': AnonymousUser()}, **changes)
    for name, *_rest in ACTIVITY_PARTS:
        data.update({f'{name}-TOTAL_FORMS': 0, f'{name}-INITIAL_FORMS': 0})
    return data


def activity_link(iso3: str = 'LBR') -> ActivityLink:
    item = FrameworkItem.objects.get(code='component.police')
    return ActivityLink.objects.get_or_create(activity=activity(iso3), kind=LinkKind.FRAMEWORK, framework_item=item)[0]


IATI_SAMPLE = (
    b'<iati-activities version="2.03"><iati-activity default-currency="USD">'
    b'<iati-identifier>XM-ACCESS-1-UPLOAD</iati-identifier>'
    b'<reporting-org ref="XM-ACCESS-1" type="40"><narrative>Access suite partner</narrative></reporting-org>'
    b'<title><narrative>Upload check</narrative></title><description><narrative>Upload</narrative></description>'
    b'<participating-org ref="XM-ACCESS-1" role="4"/><activity-status code="2"/>'
    b'<activity-date iso-date="2020-01-01" type="1"/><recipient-country code="LR"/>'
    b'</iati-activity></iati-activities>'
)


def admin_area(iso3: str = 'LBR') -> AdminArea:
    return AdminArea.objects.get_or_create(
        pcode=f'{iso3}-ACCESS', defaults={'country': country(iso3), 'level': 1, 'name': f'Access province {iso3}'}
    )[0]


# An activity's parts, each: (model, API basename, values of a record, a change of it as the API writes it).
ACTIVITY_PART_RECORDS = (
    (ParticipatingOrganisation, {'role': '1', 'name': 'Access funder'}, {'role': '4', 'name': 'Access implementer'}),
    (ActivitySector, {'code': '15210', 'percentage': 100}, {'code': '15130', 'percentage': 100}),
    (ActivityPolicyMarker, {'code': '1', 'significance': '1'}, {'code': '1', 'significance': '2'}),
    (ActivityLocation, {'name': 'Access town'}, {'name': 'Another access town'}),
    (
        Budget,
        {'period_start': '2020-01-01', 'period_end': '2020-12-31', 'value': '1000.00', 'currency': 'USD',
         'value_date': '2020-01-01'},
        {'period_start': '2020-01-01', 'period_end': '2020-12-31', 'value': '1500.00', 'currency': 'USD',
         'value_date': '2020-01-01'},
    ),
    (
        Transaction,
        {'type': '2', 'date': '2020-02-01', 'value': '1000.00', 'currency': 'USD', 'value_date': '2020-02-01'},
        {'type': '3', 'date': '2020-03-01', 'value': '400.00', 'currency': 'USD', 'value_date': '2020-03-01'},
    ),
    (Result, {'type': '1', 'title': 'Access output'}, {'type': '2', 'title': 'Access outcome'}),
)  # fmt: skip


def activity_part_entry(model, values: dict, change: dict) -> AccessEntry:
    """An activity's part, written through the API only (its page is the activity's)."""

    def make(iso3: str = 'LBR'):
        found = model.objects.filter(activity=activity(iso3), **values).order_by('pk').first()
        return found or model.objects.create(activity=activity(iso3), **values)

    return workspace_record(
        model,
        make,
        api=api(
            'coordination',
            model._meta.model_name,
            create=lambda part: {'activity': part.activity_id, **values},
            change=lambda part: {'activity': part.activity_id, **change},
        ),
        marker=lambda part: part.activity.title,
    )


def recipient_country(iso3: str = 'LBR') -> RecipientCountry:
    return RecipientCountry.objects.get_or_create(activity=activity(iso3), country=country(iso3))[0]


def result_indicator(iso3: str = 'LBR') -> ResultIndicator:
    result = Result.objects.get_or_create(activity=activity(iso3), type='1', title='Access output')[0]
    return ResultIndicator.objects.get_or_create(result=result, measure='1', title='Officers vetted')[0]


def result_period(iso3: str = 'LBR') -> ResultPeriod:
    return ResultPeriod.objects.get_or_create(
        indicator=result_indicator(iso3), period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31), defaults={'target': '100'},
    )[0]  # fmt: skip


def activity_of(part) -> Activity:
    """The activity a part of an activity's result belongs to (its marker on the activity's page is the title)."""
    return (part.indicator.result if isinstance(part, ResultPeriod) else part.result).activity


def threew_import(iso3: str = 'LBR') -> ThreeWImport:
    found = ThreeWImport.objects.filter(name=f'access-{iso3}.csv').first()
    if found:
        return found
    record = ThreeWImport(name=f'access-{iso3}.csv', country=country(iso3), status='done', report={'created': 0})
    record.file.save(f'access-{iso3}.csv', ContentFile(b'#org,#sector,#adm1\n'), save=False)
    record.save()
    return record


def iati_import() -> IatiImport:
    found = IatiImport.objects.filter(name='access.xml').first()
    if found:
        return found
    record = IatiImport(name='access.xml')
    record.file.save('access.xml', ContentFile(IATI_SAMPLE), save=False)
    record.save()
    return record


# Section: monitoring's actuals


def m_indicator(iso3: str = 'LBR') -> Indicator:
    """An indicator of a framework of ``iso3`` with a 2024 period, broken down by sex."""
    framework, created = ResultsFramework.objects.get_or_create(
        country=country(iso3),
        title=f'Access suite results {iso3}',
        defaults={'programme': 'Access suite programme', 'start': datetime.date(2024, 1, 1)},
    )
    result, _created = FrameworkResult.objects.get_or_create(
        framework=framework, code='9', defaults={'level': framework.levels.order_by('order').last(), 'statement': 'X'}
    )
    indicator, created = Indicator.objects.get_or_create(
        result=result, code='9.a', defaults={'title': 'Access suite indicator', 'baseline_value': 0,
                                             'baseline_date': datetime.date(2023, 12, 31)},
    )  # fmt: skip
    if created:
        IndicatorPeriod.objects.create(
            indicator=indicator, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), target=10
        )
        IndicatorDisaggregation.objects.create(
            indicator=indicator, type=DisaggregationType.objects.get(country=None, kind='sex')
        )
    return indicator


def m_organisation(name: str = 'Access suite reporting partner') -> Organisation:
    return Organisation.objects.get_or_create(name=name)[0]


def actual_report(iso3: str = 'LBR') -> ActualReport:
    """A draft report of the indicator's 2024 period by the access suite's partner."""
    return ActualReport.objects.get_or_create(period=m_indicator(iso3).periods.get(), organisation=organisation())[0]


def actual_value(iso3: str = 'LBR') -> ActualValue:
    return ActualValue.objects.get_or_create(report=actual_report(iso3), category=None, defaults={'value': 5})[0]


def actual_step(iso3: str = 'LBR') -> ActualStep:
    return ActualStep.objects.get_or_create(
        report=actual_report(iso3), action='create', defaults={'to_status': 'draft'}
    )[0]


def country_disaggregation(iso3: str = 'LBR') -> DisaggregationType:
    record, created = DisaggregationType.objects.get_or_create(
        country=country(iso3), name='Access suite counties', defaults={'kind': 'admin-area'}
    )
    if created:
        record.categories.create(order=1, code='bomi', name='Bomi')
    return record


def report_kwargs(report) -> dict:
    return {'iso3': report.country.iso3, 'pk': report.pk}


def monitoring_api(basename: str, create=None, change=None, creates=True):
    return api('monitoring', basename, create=create, change=change, creates=creates)


# Section: monitoring records (surveys)


def survey(iso3: str = 'LBR') -> Survey:
    found, _created = Survey.objects.get_or_create(country=country(iso3), title=f'Access survey {iso3}')
    return found


def survey_version(iso3: str = 'LBR') -> SurveyVersion:
    owner = survey(iso3)
    found = owner.versions.first()
    if found:
        return found
    record = SurveyVersion(
        survey=owner, file_name='access.xlsx', form_id='ssr_public_trust', version='2026.1', xform='<h:html/>',
        structure={'questions': [], 'choices': {}},
    )  # fmt: skip
    record.file.save('access.xlsx', ContentFile(form_bytes()), save=False)
    record.save()
    return record


def submission(iso3: str = 'LBR') -> Submission:
    version = survey_version(iso3)
    found, _created = Submission.objects.get_or_create(
        survey=version.survey, instance_id=f'access-{iso3}',
        defaults={'version': version, 'source': 'web', 'answers': {'sex': 'female'}},
    )  # fmt: skip
    return found


def survey_import(iso3: str = 'LBR') -> SurveyImport:
    version = survey_version(iso3)
    found = SurveyImport.objects.filter(name=f'access-{iso3}.zip').first()
    if found:
        return found
    record = SurveyImport(survey=version.survey, version=version, name=f'access-{iso3}.zip', source='odk',
                          status='done', report={'read': 0, 'created': 0, 'existing': 0})  # fmt: skip
    record.file.save(f'access-{iso3}.zip', ContentFile(odk_zip()), save=False)
    record.save()
    return record


def in_survey(record) -> dict:
    return {'iso3': record.survey.country.iso3, 'survey': record.survey.pk, 'pk': record.pk}


# Section: safeguards, alleged violations


def alleged_violation(iso3: str = 'LBR') -> Allegation:
    recipient = actor(iso3)
    return Allegation.objects.filter(recipient=recipient).first() or allegation(iso3, recipient=recipient)


def allegation_source(iso3: str = 'LBR') -> AllegationSource:
    return alleged_violation(iso3).sources.order_by('pk').first()


def allegation_form_data(record, **changes) -> dict:
    """A valid add or edit of an allegation with its one source."""
    source = record.sources.order_by('pk').first()
    return {
        'recipient': record.recipient_id, 'occurred_on': '2025-03', 'place': 'Monrovia', 'violation': 'torture',
        'narrative': CHECKED, 'follow_up': 'reported', 'reported_on': '2025-04-02',
        'sources-TOTAL_FORMS': '1', 'sources-INITIAL_FORMS': '1' if changes.get('edit') else '0',
        'sources-MIN_NUM_FORMS': '1', 'sources-MAX_NUM_FORMS': '1000',
        **({'sources-0-id': source.pk, 'sources-0-allegation': record.pk} if changes.get('edit') else {}),
        'sources-0-name': 'Witness', 'sources-0-reliability': 'B', 'sources-0-credibility': '2',
    }  # fmt: skip


def allegation_payload(record) -> dict:
    return {
        'country': record.country.iso3, 'recipient': record.recipient_id, 'occurred': '2025-03',
        'place': 'Monrovia', 'violation': 'torture', 'narrative': CHECKED, 'follow_up': 'reported',
        'reported_on': '2025-04-02',
    }  # fmt: skip


# Section: entries

MISSION = {'acronym': lambda mission: mission.acronym}
TRACK = {'kwargs': lambda link: {'acronym': link.mission.acronym}}

# Section: monitoring context records (written by loading only)


def statistic_load(dataset: str = 'statistics') -> StatisticLoad:
    return StatisticLoad.objects.get_or_create(
        dataset=dataset, file_name=f'access-{dataset}.csv', defaults={'file_hash': '0' * 64}
    )[0]


def statistic_series() -> StatisticSeries:
    return StatisticSeries.objects.get_or_create(
        code='armed_forces_personnel_total',
        defaults={'name_en': 'Armed forces personnel, total', 'name_fr': 'Effectifs des forces armées, total',
                  'unit_en': 'persons', 'unit_fr': 'personnes', 'source': 'Gapminder, based on World Bank WDI',
                  'licence': 'CC BY 4.0', 'underlying_source': 'IISS'},
    )[0]  # fmt: skip


def statistic_value(iso3: str = 'LBR') -> StatisticValue:
    return StatisticValue.objects.get_or_create(
        series=statistic_series(), country=country(iso3), year=1990, valid_until=None,
        defaults={'value': '8000', 'load': statistic_load()},
    )[0]  # fmt: skip


def conflict_event(iso3: str = 'LBR') -> ConflictEvent:
    number = {'LBR': 1, 'CAF': 2}.get(iso3, 3)
    day = datetime.date(2003, 6, number)
    return ConflictEvent.objects.get_or_create(
        ucdp_id=900000 + number, valid_until=None,
        defaults={'relid': f'ACC-{number}', 'release': 'GED 23.1', 'country': country(iso3), 'year': 2003,
                  'date_start': day, 'date_end': day, 'date_precision': 1, 'type_of_violence': 1, 'conflict_id': 1,
                  'conflict_name': f'{iso3}: Government', 'dyad_id': 1, 'dyad_name': 'Government - rebels',
                  'side_a': 'Government', 'side_b': 'Rebels', 'where_precision': 4, 'deaths_a': 0, 'deaths_b': 3,
                  'deaths_civilians': 0, 'deaths_unknown': 0, 'best': 3, 'low': 3, 'high': 3, 'event_clarity': 1,
                  'fingerprint': 'f', 'load': statistic_load('ucdp')},
    )[0]  # fmt: skip


# Section: safeguards vetting (issue 14 item 6)


def screened_individual(iso3: str = HOME) -> Individual:
    return Individual.objects.get_or_create(
        country=country(iso3),
        category=IndividualCategory.COMMANDER,
        fictitious=True,
        defaults={'name': f'Faustin Kemitara {iso3}', 'unit': actor(iso3)},
    )[0]


def watch_list(iso3: str = HOME) -> WatchList:
    return WatchList.objects.get_or_create(
        country=country(iso3), title=f'Panel list {iso3}', defaults={'organisation': 'Panel of experts'}
    )[0]


def listed_person(iso3: str = HOME) -> ListedPerson:
    return ListedPerson.objects.get_or_create(watch_list=watch_list(iso3), row=2, defaults={'name': 'F. Kemitara'})[0]


def screening(iso3: str = HOME) -> Screening:
    individual = screened_individual(iso3)
    found = Screening.objects.filter(individual=individual).first()
    if found is None:
        found = Screening.objects.create(individual=individual, screened_by=reviewer())
    return found


def screening_match(iso3: str = HOME) -> ScreeningMatch:
    return ScreeningMatch.objects.get_or_create(
        screening=screening(iso3),
        listed_person=listed_person(iso3),
        defaults={'matched_name': 'F. Kemitara', 'score': 96},
    )[0]


def vetting_entry(model, record, pages=(), api_endpoints=(), marker=None) -> AccessEntry:
    """A vetting record: read by the HRDDP forum members of its country, written by its due-diligence officers."""
    return AccessEntry(
        model=model,
        record=record,
        foreign=lambda: record(FOREIGN),
        reader=Role.HRDDP_FORUM_MEMBER,
        writer=Role.DUE_DILIGENCE_OFFICER,
        pages=pages,
        api=api_endpoints,
        marker=marker,
    )


# Section: safeguards, support requests (sensitive: read by the forum member of the country, written by its officer)


def hrdd_request(iso3: str = 'LBR', decided: bool = False) -> hrdd.SupportRequest:
    """A draft support request with its first assessment, one factor and a mitigation; ``decided``: another request
    carrying the records of a decided and reopened case (review, decision shared, reopening, suspension)."""
    record, created = hrdd.SupportRequest.objects.get_or_create(
        country=country(iso3),
        title=f'Rations {iso3}' + (' (decided)' if decided else ''),
        defaults={
            'un_entity': UNEntity.objects.get(code='DPO'),
            'recipient': actor(iso3),
            'kind': 'rations',
            'description': 'Rations for a joint operation',
            'start': datetime.date(2026, 1, 1),
            'basis': 'S/RES/2765 (2024)',
        },
    )
    if not created:
        return record
    assessment = hrdd.RiskAssessment.objects.create(request=record, likelihood=2, impact=2, overall_risk=2)
    hrdd.RiskFactor.objects.create(assessment=assessment, factor='training', rating=2, finding='Trained.')
    hrdd.Mitigation.objects.create(request=record, description='Vet', owner='JHRO', due_on=datetime.date(2026, 6, 1))
    if decided:
        officer = get_user_model().objects.get_or_create(username=f'hrdd-suite-{iso3}')[0]
        hrdd.ForumReview.objects.create(
            request=record, assessment=assessment, recommendation='support', reviewer=officer
        )
        hrdd.Decision.objects.create(
            request=record, assessment=assessment, outcome='support', approver=officer, justification='Low risk.',
            expires_on=datetime.date(2030, 1, 1), shared=True,
        )  # fmt: skip
        hrdd.SharedDecision.objects.create(
            request=record, country=record.country, recipient=record.recipient, kind=record.kind, outcome='support',
            decided_on=datetime.date(2026, 1, 2), expires_on=datetime.date(2030, 1, 1),
        )  # fmt: skip
        hrdd.Reopening.objects.create(request=record, reason='other', note='New commander.')
        hrdd.Intervention.objects.create(
            request=record, kind='suspension', started_on=datetime.date(2026, 2, 1), reason='Killings.'
        )
    return record


def hrdd_part(model, iso3: str = 'LBR'):
    parts = (hrdd.RiskAssessment, hrdd.RiskFactor, hrdd.Mitigation)
    request = hrdd_request(iso3, decided=model not in parts)
    if model is hrdd.RiskFactor:
        return hrdd.RiskFactor.objects.filter(assessment__request=request).first()
    return model.objects.filter(request=request).first()


def hrdd_country(record):
    return record.request.country.iso3


def hrdd_request_payload(record) -> dict:
    return {
        'country': record.country.iso3,
        'title': 'Fuel for patrols',
        'un_entity': record.un_entity_id,
        'recipient': record.recipient_id,
        'kind': 'fuel',
        'start': '2026-02-01',
        'basis': 'S/RES/2765 (2024)',
    }


def hrdd_entries() -> list:
    request_pages = (
        Endpoint('safeguards:supportrequest_list', 'list', kwargs=home, data=None),
        Endpoint('safeguards:supportrequest', kwargs=at(own_country, by_pk)),
        Endpoint('safeguards:supportrequest_history', kwargs=at(own_country, by_pk)),
        Endpoint(
            'safeguards:supportrequest_edit',
            'edit',
            kwargs=at(own_country, by_pk),
            data=lambda r: form_data(HrddRequestForm, r, {'country': r.country}, title='Rations, changed'),
        ),
    )
    entries = [
        AccessEntry(
            model=hrdd.SupportRequest,
            record=hrdd_request,
            foreign=lambda: hrdd_request(FOREIGN),
            pages=request_pages,
            api=api(
                'safeguards',
                'supportrequest',
                create=hrdd_request_payload,
                change=lambda r: {**hrdd_request_payload(r), 'title': 'Changed'},
            ),
            reader=Role.HRDDP_FORUM_MEMBER,
            writer=Role.DUE_DILIGENCE_OFFICER,
            marker=row('request'),
        ),
        AccessEntry(
            model=hrdd.RiskAssessment,
            record=lambda: hrdd_part(hrdd.RiskAssessment),
            foreign=lambda: hrdd_part(hrdd.RiskAssessment, FOREIGN),
            pages=(Endpoint('safeguards:riskassessment', kwargs=at(hrdd_country, by_pk)),),
            # Versions are changed (PUT, PATCH) but never deleted: no payload, so only the refusals are checked here
            # (ssrhub/safeguards/tests/test_cases_api.py writes them).
            api=api('safeguards', 'riskassessment'),
            reader=Role.HRDDP_FORUM_MEMBER,
            writer=Role.DUE_DILIGENCE_OFFICER,
        ),
        AccessEntry(
            model=hrdd.Mitigation,
            record=lambda: hrdd_part(hrdd.Mitigation),
            foreign=lambda: hrdd_part(hrdd.Mitigation, FOREIGN),
            pages=(
                Endpoint(
                    'safeguards:mitigation_edit',
                    'edit',
                    kwargs=at(hrdd_country, by_pk),
                    data=lambda r: form_data(MitigationForm, r, owner='OHCHR'),
                ),
            ),
            api=api(
                'safeguards',
                'mitigation',
                create=lambda r: {
                    'request': r.request_id,
                    'description': 'Train',
                    'owner': 'JHRO',
                    'due_on': '2026-09-01',
                },
                change=lambda r: {
                    'request': r.request_id,
                    'description': 'Vet',
                    'owner': 'OHCHR',
                    'due_on': '2026-06-01',
                },
            ),
            reader=Role.HRDDP_FORUM_MEMBER,
            writer=Role.DUE_DILIGENCE_OFFICER,
        ),
        AccessEntry(
            model=hrdd.RiskFactor,
            record=lambda: hrdd_part(hrdd.RiskFactor),
            foreign=lambda: hrdd_part(hrdd.RiskFactor, FOREIGN),
            api=api(
                'safeguards',
                'riskfactor',
                create=lambda r: {'assessment': r.assessment_id, 'factor': 'accountability', 'rating': 3},
                change=lambda r: {'assessment': r.assessment_id, 'factor': r.factor, 'rating': 3, 'finding': 'x'},
            ),
            reader=Role.HRDDP_FORUM_MEMBER,
            writer=Role.DUE_DILIGENCE_OFFICER,
        ),
    ]
    for model, basename in (
        (hrdd.ForumReview, 'forumreview'),
        (hrdd.Decision, 'decision'),
        (hrdd.Reopening, 'reopening'),
        (hrdd.Intervention, 'intervention'),
    ):
        entries.append(
            AccessEntry(
                model=model,
                record=lambda model=model: hrdd_part(model),
                foreign=lambda model=model: hrdd_part(model, FOREIGN),
                api=api('safeguards', basename),
                reader=Role.HRDDP_FORUM_MEMBER,
            )
        )
    entries.append(
        AccessEntry(
            model=hrdd.SharedDecision,
            record=lambda: hrdd_part(hrdd.SharedDecision),
            foreign=lambda: hrdd_part(hrdd.SharedDecision, FOREIGN),
            api=api('safeguards', 'shareddecision'),
            reader=Role.HRDDP_FORUM_MEMBER,
        )
    )
    return entries


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
            Endpoint(
                'documents:document_edit',
                'edit',
                kwargs=pk,
                data=lambda d: form_data(DocumentMetadataForm, d, title='Security sector reform (checked)'),
            ),
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
            Endpoint('documents:paragraph_export', 'list', kwargs=lambda p: {'fmt': 'csv'}, query=f'symbol={SYMBOL}'),
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
        model=SymbolConflict,
        record=symbol_conflict,
        pages=(
            Endpoint('documents:symbol_conflicts', 'list'),
            Endpoint(
                'documents:symbol_conflict_resolve',
                'post',
                kwargs=pk,
                data=lambda c: {f'conflict-{c.pk}-resolution': 'keep'},
            ),
        ),
        marker=lambda c: c.filename,
        reader=Role.ANALYST,
        writer=Role.ANALYST,
    ),
    AccessEntry(
        model=IngestJob,
        record=ingest_job,
        pages=(Endpoint('documents:ingest_jobs', 'list'), Endpoint('documents:ingest_job', kwargs=pk)),
        api=api('documents', 'ingestjob'),
        # Administrators read every job, and may upload (POST to the list, a multipart file: no payload here).
        reader=Role.ADMINISTRATOR,
        writer=Role.ADMINISTRATOR,
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
    workspace_entry(
        Engagement,
        'engagement',
        engagement,
        create=lambda e: {'country': e.country.iso3, 'setting': e.setting, 'request_date': '2003-08-18'},
        change=lambda e: {
            'country': e.country.iso3,
            'setting': e.setting,
            'request_date': e.request_date.isoformat(),
            'summary': CHECKED,
        },
        creates=False,
        pages=(
            *(
                Endpoint(name, kwargs=at(own_country))
                for name in ('countries:dashboard', 'countries:engagement', 'countries:brief', 'countries:brief_pdf')
            ),
            Endpoint(
                'countries:engagement_edit',
                'edit',
                kwargs=at(own_country),
                data=lambda e: form_data(EngagementForm, e, summary=CHECKED),
            ),
        ),
    ),
    workspace_record(
        EngagementStage,
        stage,
        pages=(
            Endpoint(
                'countries:stage_edit',
                'edit',
                kwargs=at(lambda s: s.engagement.country.iso3, lambda s: {'stage': s.stage}),
                data=lambda s: form_data(StageForm, s, evidence=CHECKED),
            ),
        ),
    ),
    workspace_entry(
        Actor,
        'actor',
        actor,
        create=lambda a: {
            'country': a.country.iso3,
            'name': 'Fire service',
            'area': Area.CORE,
            'type': ActorType.POLICE,
        },
        change=lambda a: {'country': a.country.iso3, 'name': a.name, 'area': a.area, 'type': a.type, 'note': CHECKED},
        pages=(
            Endpoint('countries:actors', 'list', kwargs=home),
            Endpoint('countries:actor_graph', kwargs=at(own_country)),
            Endpoint('countries:actor_export', kwargs=at(own_country, lambda a: {'fmt': 'csv'})),
            Endpoint('countries:actor_import', 'add', kwargs=at(own_country)),
            Endpoint(
                'countries:actor_add',
                'add',
                kwargs=at(own_country),
                data=lambda a: {'name': 'Coast guard', 'area': Area.CORE, 'type': ActorType.POLICE},
            ),
            Endpoint(
                'countries:actor_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda a: form_data(ActorForm, a, {'country': a.country}, note=CHECKED),
            ),
            Endpoint('countries:actor_delete', 'delete', kwargs=guessed(by_pk), data=lambda a: {}),
        ),
        marker=row('actor'),
    ),
    workspace_entry(
        ActorRelation,
        'actorrelation',
        relation,
        create=lambda r: {'from_actor': r.to_actor.pk, 'kind': RelationKind.FUNDS, 'to_actor': r.from_actor.pk},
        change=lambda r: {'from_actor': r.from_actor.pk, 'kind': r.kind, 'to_actor': r.to_actor.pk, 'note': CHECKED},
        pages=(
            Endpoint('countries:actors', 'list', kwargs=home),
            Endpoint(
                'countries:actor_relation_add',
                'add',
                kwargs=at(lambda r: r.from_actor.country.iso3),
                data=lambda r: {
                    'from_actor': r.to_actor.pk,
                    'kind': RelationKind.REPORTS_TO,
                    'to_actor': r.from_actor.pk,
                },
            ),
            Endpoint(
                'countries:actor_relation_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda r: {
                    'from_actor': r.from_actor.pk,
                    'kind': r.kind,
                    'to_actor': r.to_actor.pk,
                    'note': CHECKED,
                },
            ),
            Endpoint('countries:actor_relation_delete', 'delete', kwargs=guessed(by_pk), data=lambda r: {}),
        ),
        marker=row('relation'),
    ),
    workspace_entry(
        Headcount,
        'headcount',
        headcount,
        create=lambda h: {'actor': h.actor.pk, 'date': '2021-06-30', 'count': 5200},
        change=lambda h: {'actor': h.actor.pk, 'date': h.date.isoformat(), 'count': h.count, 'source': CHECKED},
        pages=(
            Endpoint('countries:actors', 'list', kwargs=home),
            Endpoint(
                'countries:actor_headcount_add',
                'add',
                kwargs=at(lambda h: h.actor.country.iso3),
                data=lambda h: {'actor': h.actor.pk, 'date': '2021-06-30', 'count': 5200, 'basis': 'payroll'},
            ),
            Endpoint(
                'countries:actor_headcount_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda h: {'actor': h.actor.pk, 'date': h.date.isoformat(), 'count': h.count, 'source': CHECKED},
            ),
            Endpoint('countries:actor_headcount_delete', 'delete', kwargs=guessed(by_pk), data=lambda h: {}),
        ),
        marker=row('headcount'),
    ),
    workspace_entry(
        WomenShareTarget,
        'womensharetarget',
        women_share_target,
        create=lambda t: {'country': t.country.iso3, 'share': '35.0', 'target_date': '2032-12-31'},
        change=lambda t: {
            'country': t.country.iso3,
            'share': str(t.share),
            'target_date': t.target_date.isoformat(),
            'note': CHECKED,
        },
        pages=(
            Endpoint('countries:women_target_list', 'list', kwargs=home),
            Endpoint('monitoring:gender', 'list', kwargs=home),
            Endpoint('countries:women_target_history', kwargs=guessed(by_pk)),
            Endpoint(
                'countries:women_target_add',
                'add',
                kwargs=at(own_country),
                data=lambda t: {'share': '35', 'target_date': '2032-12-31'},
            ),
            Endpoint(
                'countries:women_target_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda t: {'share': str(t.share), 'target_date': t.target_date.isoformat(), 'note': CHECKED},
            ),
            Endpoint('countries:women_target_delete', 'delete', kwargs=guessed(by_pk), data=lambda t: {}),
        ),
        marker=row('target'),
    ),
    workspace_entry(
        Assessment,
        'assessment',
        assessment,
        create=lambda a: {'country': a.country.iso3, 'title': 'Sector review, second round', 'date': '2022-01-01'},
        change=lambda a: {'country': a.country.iso3, 'title': a.title, 'date': a.date.isoformat(), 'note': CHECKED},
        pages=(
            Endpoint('countries:assessments', 'list', kwargs=home),
            Endpoint('countries:assessment', kwargs=at(own_country, by_pk)),
            Endpoint('countries:assessment_export', kwargs=at(own_country, lambda a: {'pk': a.pk, 'fmt': 'csv'})),
            Endpoint(
                'countries:assessment_add',
                'add',
                kwargs=at(own_country),
                data=lambda a: {
                    'title': 'Sector review, second round',
                    'date': '2022-01-01',
                    **ratings_data(framework_items(latest_framework_version())),
                },
            ),
            Endpoint(
                'countries:assessment_edit', 'edit', kwargs=guessed(by_pk), data=lambda a: assessment_edit_data(a)
            ),
        ),
    ),
    workspace_record(
        AssessmentRating,
        rating,
        pages=(
            Endpoint(
                'countries:assessment_edit',
                'edit',
                kwargs=guessed(lambda r: {'pk': r.assessment.pk}),
                data=lambda r: assessment_edit_data(r.assessment, **{r.item.code: {'evidence': CHECKED}}),
            ),
        ),
    ),
    workspace_entry(
        NationalDocument,
        'nationaldocument',
        national_document,
        create=lambda d: {
            'country': d.country.iso3,
            'kind': DocumentKind.PLAN,
            'title': 'Police reform plan',
            'status': DocumentStatus.DRAFTING,
            'parent': d.pk,
        },
        change=lambda d: {
            'country': d.country.iso3,
            'kind': d.kind,
            'title': d.title,
            'status': d.status,
            'adopted': d.adopted.isoformat(),
            'note': CHECKED,
        },
        pages=(
            Endpoint('countries:documents', 'list', kwargs=home),
            Endpoint('countries:document', kwargs=at(own_country, by_pk)),
            Endpoint('finance:plan_funding', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:report', kwargs=at(own_country)),
            Endpoint('countries:document_checks', kwargs=at(own_country, lambda d: {'pk': d.pk, 'fmt': 'csv'})),
            Endpoint(
                'countries:document_add',
                'add',
                kwargs=at(own_country),
                data=lambda d: {
                    'kind': DocumentKind.PLAN,
                    'title': 'Police reform plan',
                    'parent': d.pk,
                    'status': DocumentStatus.DRAFTING,
                },
            ),
            Endpoint(
                'countries:document_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda d: form_data(NationalDocumentForm, d, {'country': d.country, 'user': ANYONE}, note=CHECKED),
            ),
        ),
    ),
    workspace_record(
        Threat,
        threat,
        pages=part_pages('threat', ThreatForm),
    ),
    workspace_record(
        Objective,
        objective,
        pages=part_pages('objective', ObjectiveForm, on_document=True),
    ),
    workspace_record(
        Pillar,
        pillar,
        pages=part_pages('pillar', PillarForm),
    ),
    workspace_record(
        Action,
        plan_action,
        pages=part_pages('action', ActionForm, on_document=True),
    ),
    workspace_record(
        ActionStatusUpdate,
        status_update,
        pages=(
            Endpoint(
                'countries:action_status',
                'post',
                kwargs=guessed(lambda u: {'pk': u.action.pk}),
                data=lambda u: {'date': '2022-01-01', 'status': ActionStatus.BEHIND, 'note': CHECKED},
            ),
        ),
    ),
    workspace_entry(
        TimelineEvent,
        'timelineevent',
        timeline_event,
        create=lambda e: {'country': e.country.iso3, 'kind': EventKind.AGREEMENT, 'title': 'Ceasefire'},
        change=lambda e: {'country': e.country.iso3, 'kind': e.kind, 'title': e.title, 'description': CHECKED},
        pages=(
            Endpoint('countries:timeline', 'list', kwargs=home),
            Endpoint('countries:timeline_json', kwargs=at(own_country)),
            Endpoint('countries:timeline_export', kwargs=at(own_country, lambda e: {'fmt': 'csv'})),
            Endpoint(
                'countries:event_add',
                'add',
                kwargs=at(own_country),
                data=lambda e: {
                    'kind': EventKind.AGREEMENT,
                    'title': 'Ceasefire',
                    'date': '2003-06-17',
                    'precision': DatePrecision.DAY,
                    'source': 'Accra',
                },
            ),
            Endpoint(
                'countries:event_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda e: form_data(TimelineEventForm, e, description=CHECKED),
            ),
        ),
        marker=row('event'),
    ),
    workspace_record(
        EventDate,
        event_date,
        pages=(
            Endpoint(
                'countries:event_date_add',
                'add',
                kwargs=guessed(lambda d: {'pk': d.event.pk}),
                data=lambda d: {'date': '2003-08-19', 'precision': DatePrecision.DAY, 'source': CHECKED},
            ),
        ),
    ),
    # Section: coordination fora
    workspace_record(
        Forum,
        forum,
        pages=(
            Endpoint('coordination:forum_list', 'list', kwargs=home),
            Endpoint('coordination:forum', kwargs=at(own_country, by_pk)),
            Endpoint('coordination:forum_history', kwargs=at(own_country, by_pk)),
            Endpoint(
                'coordination:forum_add',
                'add',
                kwargs=at(own_country),
                data=lambda f: {
                    'name': 'Donor coordination group',
                    'level': 'technical',
                    'kind': 'donor-group',
                    'layer': 'bilateral',
                },
            ),
            Endpoint(
                'coordination:forum_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda f: form_data(ForumForm, f, {'country': f.country, 'user': ANYONE}, mandate=CHECKED),
            ),
            Endpoint('coordination:forum_delete', 'delete', kwargs=guessed(by_pk), data=lambda f: {}),
        ),
        api=api(
            'coordination',
            'forum',
            create=lambda f: {'country': f.country.iso3, 'name': 'Police technical group', 'level': 'technical'},
            change=lambda f: {'country': f.country.iso3, 'name': f.name, 'level': f.level, 'mandate': CHECKED},
        ),
    ),
    workspace_record(
        ForumMember,
        forum_member,
        pages=(
            Endpoint(
                'coordination:member_add',
                'add',
                kwargs=at(lambda m: m.forum.country.iso3, lambda m: {'forum_pk': m.forum.pk}),
                data=lambda m: {'organisation': m.organisation.pk, 'role': 'observer'},
            ),
            Endpoint(
                'coordination:member_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda m: form_data(ForumMemberForm, m, {'forum': m.forum, 'user': ANYONE}, note=CHECKED),
            ),
            Endpoint('coordination:member_delete', 'delete', kwargs=guessed(by_pk), data=lambda m: {}),
        ),
        api=api(
            'coordination',
            'forummember',
            create=lambda m: {'forum': m.forum.pk, 'organisation': m.organisation.pk, 'role': 'observer'},
            change=lambda m: {'forum': m.forum.pk, 'organisation': m.organisation.pk, 'role': m.role, 'note': CHECKED},
        ),
    ),
    workspace_record(
        Meeting,
        forum_meeting,
        pages=(
            Endpoint('coordination:meeting', kwargs=at(lambda m: m.forum.country.iso3, by_pk)),
            Endpoint('coordination:meeting_history', kwargs=at(lambda m: m.forum.country.iso3, by_pk)),
            Endpoint('coordination:meeting_minutes', kwargs=at(lambda m: m.forum.country.iso3, by_pk)),
            Endpoint(
                'coordination:meeting_add',
                'add',
                kwargs=at(lambda m: m.forum.country.iso3, lambda m: {'forum_pk': m.forum.pk}),
                data=lambda m: {'date': '2021-05', 'place': 'Monrovia'},
            ),
            Endpoint(
                'coordination:meeting_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda m: {
                    **form_data(MeetingForm, m, {'forum': m.forum, 'user': ANYONE}, summary=CHECKED),
                    'minutes': '',
                },
            ),
            Endpoint('coordination:meeting_delete', 'delete', kwargs=guessed(by_pk), data=lambda m: {}),
        ),
        api=api(
            'coordination',
            'meeting',
            create=lambda m: {'forum': m.forum.pk, 'date': '2021-05'},
            change=lambda m: {'forum': m.forum.pk, 'date': m.date.isoformat(), 'summary': CHECKED},
        ),
    ),
    workspace_record(
        Decision,
        forum_decision,
        pages=(
            Endpoint('coordination:decision_list', 'list', kwargs=home),
            Endpoint('coordination:decision', kwargs=at(lambda d: d.meeting.forum.country.iso3, by_pk)),
            Endpoint('coordination:decision_history', kwargs=at(lambda d: d.meeting.forum.country.iso3, by_pk)),
            Endpoint(
                'coordination:decision_export',
                kwargs=at(lambda d: d.meeting.forum.country.iso3, lambda d: {'fmt': 'csv'}),
            ),
            Endpoint(
                'coordination:decision_add',
                'add',
                kwargs=at(lambda d: d.meeting.forum.country.iso3, lambda d: {'meeting_pk': d.meeting.pk}),
                data=lambda d: {'text': 'Draft the police act', 'due': '2022'},
            ),
            Endpoint(
                'coordination:decision_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda d: form_data(DecisionForm, d, {'meeting': d.meeting, 'user': ANYONE}, source=CHECKED),
            ),
            Endpoint('coordination:decision_delete', 'delete', kwargs=guessed(by_pk), data=lambda d: {}),
        ),
        api=api(
            'coordination',
            'decision',
            create=lambda d: {'meeting': d.meeting.pk, 'text': 'Draft the police act', 'due': '2022'},
            change=lambda d: {'meeting': d.meeting.pk, 'text': d.text, 'source': CHECKED},
        ),
        marker=row('decision'),
    ),
    workspace_record(
        DecisionStatusUpdate,
        decision_update,
        pages=(
            Endpoint(
                'coordination:decision_status',
                'post',
                kwargs=guessed(lambda u: {'pk': u.decision.pk}),
                data=lambda u: {'date': '2021-02-01', 'status': 'in-progress', 'note': CHECKED},
            ),
        ),
        api=api(
            'coordination',
            'decisionstatusupdate',
            create=lambda u: {'decision': u.decision.pk, 'date': '2021-02-01', 'status': 'in-progress'},
            change=lambda u: {
                'decision': u.decision.pk,
                'date': u.date.isoformat(),
                'status': u.status,
                'note': CHECKED,
            },
        ),
    ),
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
    AccessEntry(
        model=LearnedProposal,
        record=lambda: LearnedProposal.objects.get_or_create(
            paragraph=paragraph(),
            code='component.police',
            model_version='access-suite',
            defaults={'probability': 0.9, 'data_version': '0' * 64, 'codebook_version': 'access-suite'},
        )[0],
        pages=(Endpoint('coding:learned_proposal_list', 'list', query='symbol=' + SYMBOL),),
        api=api('coding', 'learnedproposal'),
    ),
    # Section: finance
    AccessEntry(
        model=ExchangeRate,
        record=exchange_rate,
        pages=(
            Endpoint('finance:rate_list', 'list', query='currency=EUR'),
            Endpoint('finance:rate', kwargs=pk),
            Endpoint('finance:rate_history', kwargs=pk),
            Endpoint(
                'finance:rate_edit', 'edit', kwargs=pk, data=lambda r: form_data(ExchangeRateForm, r, source=CHECKED)
            ),
            Endpoint(
                'finance:rate_add',
                'add',
                data=lambda r: {'currency': 'GBP', 'period': '2023', 'rate': '0.8043', 'source': CHECKED},
            ),
            Endpoint(
                'finance:rate_import',
                'add',
                data=lambda r: {
                    'file': SimpleUploadedFile('rates.csv', b'date,currency,rate,source\n2022,CHF,0.9550,IMF\n')
                },
                saves=False,  # a preview: nothing is written until the confirmation
            ),
        ),
        api=api(
            'finance',
            'exchangerate',
            create=lambda r: {'currency': 'JPY', 'period': '2024-03', 'rate': '149.7', 'source': CHECKED},
            change=lambda r: {'currency': r.currency, 'period': r.period_text, 'rate': '0.9250', 'source': CHECKED},
        ),
        marker=lambda r: f'/finance/rates/{r.pk}/',
        writer=Role.COUNTRY_EDITOR,
    ),
    workspace_record(
        DuplicationReview,
        duplication_review,
        api=api(
            'finance',
            'duplicationreview',
            create=lambda r: {
                'action': r.action.pk,
                'activities': 'X3 X4',
                'fingerprint': 'f',
                'decision': 'confirmed',
            },
            change=lambda r: {
                'action': r.action.pk,
                'activities': r.activities,
                'fingerprint': r.fingerprint,
                'decision': ReviewDecision.CONFIRMED,
                'note': CHECKED,
            },
        ),
        marker=lambda r: r.activities,
    ),
    # Section: the roster (personal data for roster managers and the person themself; support requests)
    AccessEntry(
        model=ExpertProfile,
        record=expert,
        pages=(
            Endpoint('roster:profile_list', 'list'),
            Endpoint('roster:profile', kwargs=by_pk),
            Endpoint('roster:profile_history', kwargs=by_pk),
            Endpoint('roster:profile_export', kwargs=lambda p: {'fmt': 'csv'}, query='contacts=1'),
            Endpoint('roster:profile_add', 'add', data=lambda p: profile_form_data(ExpertProfile(), name='Added')),
            Endpoint('roster:profile_edit', 'edit', kwargs=by_pk, data=lambda p: profile_form_data(p, summary=CHECKED)),
            Endpoint('roster:profile_delete', 'delete', kwargs=by_pk),
        ),
        api=api(
            'roster',
            'expertprofile',
            create=lambda p: {
                'name': 'Created by the access suite',
                'languages': [{'language': 'fr', 'proficiency': 3}],
            },
            change=lambda p: {'name': p.name, 'summary': CHECKED},
        ),
        reader=Role.ROSTER_MANAGER,
        writer=Role.ROSTER_MANAGER,
        marker=row('profile'),
    ),
    workspace_record(
        SupportRequest,
        support_request,
        pages=(
            Endpoint('roster:request_list', 'list'),
            Endpoint('roster:request', kwargs=by_pk),
            Endpoint('roster:request_history', kwargs=by_pk),
            Endpoint(
                'roster:request_add',
                'add',
                kwargs=at(own_country),
                data=lambda r: form_data(
                    SupportRequestForm,
                    SupportRequest(country=r.country),
                    title='Added',
                    requested_by='Ministry',
                    addressees=list(r.addressees.all()),
                ),
            ),
            Endpoint(
                'roster:request_edit',
                'edit',
                kwargs=by_pk,
                data=lambda r: form_data(SupportRequestForm, r, terms_of_reference=CHECKED),
            ),
        ),
        api=api(
            'roster',
            'supportrequest',
            create=lambda r: {
                'country': r.country.iso3,
                'requested_by': 'Ministry of Defence',
                'addressees': ['IASSRTF'],
                'title': 'Defence adviser',
                'languages': ['fr'],
            },
            change=lambda r: {
                'country': r.country.iso3,
                'requested_by': r.requested_by,
                'addressees': ['IASSRTF'],
                'title': r.title,
                'terms_of_reference': CHECKED,
            },
        ),
        marker=row('request'),
    ),
    AccessEntry(
        model=RequestStep,
        record=request_step,
        pages=(
            Endpoint(
                'roster:request_step',
                'post',
                kwargs=lambda s: {'pk': s.request_id},
                data=lambda s: {'status': 'acknowledged', 'date': '2020-02-01', 'note': CHECKED},
            ),
        ),
        api=api(
            'roster',
            'requeststep',
            create=lambda s: {'request': s.request_id, 'status': 'candidates-proposed', 'date': '2020-03-01'},
        ),
        writer=Role.ROSTER_MANAGER,
    ),
    AccessEntry(
        model=Candidate,
        record=candidate,
        pages=(
            Endpoint(
                'roster:request_candidates',
                'post',
                kwargs=lambda c: {'pk': c.request_id},
                data=lambda c: {'action': 'propose', 'profile': expert('Another Expert').pk},
            ),
        ),
        api=api(
            'roster',
            'candidate',
            create=lambda c: {'request': c.request_id, 'profile': expert('Third Expert').pk, 'proposed': '2020-02-02'},
            change=lambda c: {
                'request': c.request_id,
                'profile': c.profile_id,
                'proposed': '2020-02-01',
                'selected': True,
                'note': CHECKED,
            },
        ),
        reader=Role.ROSTER_MANAGER,
        writer=Role.ROSTER_MANAGER,
    ),
    AccessEntry(
        model=Deployment,
        record=deployment,
        api=api(
            'roster',
            'deployment',
            create=lambda d: {
                'profile': d.profile_id,
                'country': 'LBR',
                'role': 'Justice adviser',
                'start': '2021-03-01',
            },
            change=lambda d: {
                'profile': d.profile_id,
                'country': 'LBR',
                'role': d.role,
                'start': '2019-01-01',
                'rating': 5,
                'rating_comment': CHECKED,
            },
        ),  # fmt: skip
        reader=Role.ROSTER_MANAGER,
        writer=Role.ROSTER_MANAGER,
    ),
    AccessEntry(
        model=RosterExport,
        record=roster_export,
        pages=(Endpoint('roster:export_list', 'list'),),
        api=api('roster', 'rosterexport'),
        reader=Role.ADMINISTRATOR,
        marker=row('export'),
    ),
    # Section: safeguards, reports and exports (the audit of named exports: read by administrators, API only)
    # The annual summary reads support requests (and the other due-diligence records) of the country: its page is
    # one of SupportRequest's (the requests part adds the model's own pages to this entry).
    AccessEntry(
        model=DueDiligenceRequest,
        record=due_diligence_request,
        pages=(Endpoint('safeguards:summary', kwargs=lambda record: {'iso3': 'LBR', 'year': record.start.year}),),
        reader=Role.DUE_DILIGENCE_OFFICER,
    ),
    AccessEntry(
        model=NamedExport,
        record=named_export,
        api=api('safeguards', 'namedexport'),
        reader=Role.ADMINISTRATOR,
    ),
    # Section: coordination
    AccessEntry(
        model=Organisation,
        record=organisation,
        pages=(
            Endpoint('coordination:organisation_list', 'list', query='q=Access'),
            Endpoint('coordination:organisation', kwargs=pk),
            Endpoint('coordination:organisation_history', kwargs=pk),
            Endpoint(
                'coordination:organisation_edit',
                'edit',
                kwargs=pk,
                data=lambda o: form_data(OrganisationForm, o, acronym='ASP'),
            ),
            Endpoint(
                'coordination:organisation_add',
                'add',
                data=lambda o: form_data(OrganisationForm, Organisation(), name='Added partner', type='21'),
            ),
        ),
        api=api(
            'coordination',
            'organisation',
            create=lambda o: {'name': 'Partner added through the API', 'type': '22'},
            change=lambda o: {'name': o.name, 'acronym': 'ASP2', 'iati_ref': o.iati_ref},
        ),
        writer=Role.COUNTRY_EDITOR,
    ),
    workspace_record(
        Activity,
        activity,
        pages=(
            Endpoint('coordination:activity_list', 'list', query='country=LBR'),
            Endpoint('coordination:activity', kwargs=pk),
            Endpoint('coordination:activity_history', kwargs=pk),
            Endpoint('coordination:activity_export', 'list', kwargs=lambda a: {'fmt': 'csv'}),
            Endpoint('coordination:threew_matrix', kwargs=at(own_country)),  # counts, not a list
            Endpoint(
                'coordination:activity_edit',
                'edit',
                kwargs=pk,
                data=lambda a: activity_form_data(a, title=f'{a.title} ({CHECKED})'),
            ),
            # The add page is not a country's (the form picks the country): only its POST is refused elsewhere.
            Endpoint(
                'coordination:activity_add',
                'post',
                data=lambda a: activity_form_data(
                    Activity(),
                    iati_identifier=f'XM-ACCESS-1-ADDED-{a.country.iso3}',
                    reporting_organisation=a.reporting_organisation_id,
                    country=a.country_id,
                    title='Added',
                    status='1',
                    planned_start='2021-01-01',
                    default_currency='EUR',
                    on_budget='unknown',
                ),
            ),
            Endpoint('coordination:activity_delete', 'delete', kwargs=pk),
            Endpoint('coordination:workspace_activity_list', 'list', kwargs=home),
            Endpoint('coordination:workspace_activity_export', 'list', kwargs=guessed(lambda a: {'fmt': 'csv'})),
            Endpoint(
                'coordination:workspace_activity_add',
                'add',
                kwargs=at(own_country),
                data=lambda a: activity_form_data(
                    Activity(),
                    iati_identifier=f'XM-ACCESS-1-WORKSPACE-{a.country.iso3}',
                    reporting_organisation=a.reporting_organisation_id,
                    title='Added in the workspace',
                    status='2',
                    planned_start='2021-01-01',
                    default_currency='USD',
                    on_budget='unknown',
                ),
            ),
        ),
        api=api(
            'coordination',
            'activity',
            create=lambda a: {
                'iati_identifier': f'XM-ACCESS-1-API-{a.country.iso3}',
                'reporting_organisation': a.reporting_organisation_id,
                'country': a.country.iso3,
                'title': 'Added through the API',
                'status': '1',
                'default_currency': 'USD',
            },
            change=lambda a: {
                'iati_identifier': a.iati_identifier,
                'reporting_organisation': a.reporting_organisation_id,
                'country': a.country.iso3,
                'title': f'{a.title} ({CHECKED})',
                'status': '3',
                'default_currency': 'USD',
            },
        ),
        marker=lambda a: a.title,
    ),
    workspace_record(
        ActivityLink,
        activity_link,
        pages=(
            Endpoint(
                'coordination:activitylink_add',
                'add',
                kwargs=lambda link: {'pk': link.activity_id},
                data=lambda link: {
                    'kind': 'framework',
                    'framework_item': FrameworkItem.objects.get(code='component.justice').pk,
                },
            ),
            Endpoint('coordination:activitylink_delete', 'delete', kwargs=pk),
        ),
        api=api(
            'coordination',
            'activitylink',
            create=lambda link: {
                'activity': link.activity_id,
                'kind': 'framework',
                'framework_item': FrameworkItem.objects.get(code='component.defence').pk,
            },
            change=lambda link: {
                'activity': link.activity_id,
                'kind': 'framework',
                'framework_item': link.framework_item_id,
                'note': CHECKED,
            },
        ),
    ),
    *(activity_part_entry(model, values, change) for model, values, change in ACTIVITY_PART_RECORDS),
    workspace_record(
        RecipientCountry,
        recipient_country,
        api=api(
            'coordination',
            'recipientcountry',
            create=lambda part: {'activity': part.activity_id, 'recipient_country': 'SLE', 'percentage': '10'},
            change=lambda part: {'activity': part.activity_id, 'recipient_country': 'LBR', 'percentage': '90'},
        ),
        marker=lambda part: part.activity.title,
    ),
    workspace_record(
        ResultIndicator,
        result_indicator,
        api=api(
            'coordination',
            'resultindicator',
            create=lambda indicator: {'result': indicator.result_id, 'measure': '2', 'title': 'Women officers'},
            change=lambda indicator: {'result': indicator.result_id, 'measure': '1', 'title': 'Officers certified'},
        ),
        marker=lambda indicator: activity_of(indicator).title,
    ),
    workspace_record(
        ResultPeriod,
        result_period,
        api=api(
            'coordination',
            'resultperiod',
            create=lambda period: {
                'indicator': period.indicator_id,
                'period_start': '2021-01-01',
                'period_end': '2021-12-31',
                'target': '150',
            },
            change=lambda period: {
                'indicator': period.indicator_id,
                'period_start': '2020-01-01',
                'period_end': '2020-12-31',
                'target': '120',
                'actual': '90',
            },
        ),  # fmt: skip
        marker=lambda period: activity_of(period).title,
    ),
    workspace_record(
        AdminArea,
        admin_area,
        api=api(
            'coordination',
            'adminarea',
            create=lambda area: {
                'country': area.country.iso3,
                'level': 1,
                'pcode': f'{area.pcode}-2',
                'name': 'Another province',
            },
            change=lambda area: {
                'country': area.country.iso3,
                'level': 1,
                'pcode': area.pcode,
                'name': f'{area.name} ({CHECKED})',
            },
        ),
        marker=lambda area: area.pcode,
    ),
    workspace_record(
        ThreeWImport,
        threew_import,
        pages=(Endpoint('coordination:threew_import_status', kwargs=at(own_country, by_pk)),),
        api=api('coordination', 'threewimport'),
        marker=lambda record: record.name,
    ),
    AccessEntry(
        model=IatiImport,
        record=iati_import,
        pages=(
            Endpoint('coordination:iatiimport_list', 'list'),
            Endpoint('coordination:iatiimport', kwargs=pk),
            Endpoint(
                'coordination:iati_upload',
                'add',
                data=lambda i: {'file': SimpleUploadedFile('upload.xml', IATI_SAMPLE, 'application/xml')},
            ),
        ),
        api=api('coordination', 'iatiimport'),
        writer=Role.COUNTRY_EDITOR,
    ),
    # Section: monitoring, surveys
    workspace_record(
        Survey,
        survey,
        pages=(
            Endpoint('monitoring:survey_list', 'list', kwargs=home),
            Endpoint('monitoring:survey', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:survey_history', kwargs=at(own_country, by_pk)),
            # A formula's result stored as a draft actual report of the access suite's indicator.
            Endpoint(
                'monitoring:survey_actual',
                'post',
                kwargs=guessed(lambda s: {'survey': s.pk}),
                data=lambda s: {
                    'formula': 'count()',
                    'period': m_indicator(s.country.iso3).periods.get().pk,
                    'organisation': m_organisation().pk,
                },
                logs=ActualReport,
            ),
            Endpoint(
                'monitoring:survey_add',
                'add',
                kwargs=at(own_country),
                data=lambda s: {'title': 'Trust', 'status': 'draft'},
            ),
            Endpoint(
                'monitoring:survey_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda s: form_data(SurveyForm, s, title=CHECKED),
            ),
        ),
        api=api('monitoring', 'survey'),
        marker=lambda record: record.title,
    ),
    workspace_record(
        SurveyVersion,
        survey_version,
        pages=(
            Endpoint('monitoring:surveyversion_file', kwargs=lambda v: {**in_survey(v), 'kind': 'xml'}),
            Endpoint(
                'monitoring:surveyversion_add',
                'add',
                kwargs=lambda v: {'iso3': v.survey.country.iso3, 'survey': v.survey.pk},
                data=lambda v: {'file': SimpleUploadedFile('trust.xlsx', form_bytes())},
                saves=False,
            ),
            Endpoint('monitoring:surveyversion_publish', 'post', kwargs=in_survey, data=lambda v: {}),
        ),
        api=api('monitoring', 'surveyversion'),
        marker=lambda record: record.version,
    ),
    workspace_record(
        Submission,
        submission,
        pages=(
            Endpoint('monitoring:submission', kwargs=in_survey),
            Endpoint(
                'monitoring:submission_csv', kwargs=lambda s: {'iso3': s.survey.country.iso3, 'survey': s.survey.pk}
            ),
        ),
        api=api('monitoring', 'submission'),
        marker=lambda record: record.instance_id,
    ),
    workspace_record(
        SurveyImport,
        survey_import,
        pages=(Endpoint('monitoring:surveyimport', kwargs=in_survey),),
        api=api('monitoring', 'surveyimport'),
        marker=lambda record: record.name,
    ),
    AccessEntry(
        model=CodelistItem,
        record=lambda: CodelistItem.objects.get(codelist='Sector', code='15210'),
        api=api('coordination', 'codelistitem'),
    ),
    # Section: monitoring (results frameworks, indicators, the indicator library and SDG indicators)
    workspace_record(
        ResultsFramework,
        results_framework,
        pages=(
            Endpoint('monitoring:framework_list', 'list', kwargs=home),
            Endpoint('monitoring:framework_all', 'list'),
            Endpoint('monitoring:framework', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:framework_history', kwargs=at(own_country, by_pk)),
            Endpoint(
                'monitoring:framework_add',
                'add',
                kwargs=at(own_country),
                data=lambda f: {'title': 'Police reform results', 'programme': 'Police reform', 'status': 'draft'},
            ),
            Endpoint(
                'monitoring:framework_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda f: form_data(
                    ResultsFrameworkForm, f, {'country': f.country, 'user': ANYONE}, description=CHECKED
                ),
            ),
            Endpoint('monitoring:framework_delete', 'delete', kwargs=guessed(by_pk), data=lambda f: {}),
        ),
        api=api(
            'monitoring',
            'resultsframework',
            create=lambda f: {'country': f.country.iso3, 'title': 'Justice results', 'programme': 'Justice'},
            change=lambda f: {'country': f.country.iso3, 'title': f.title, 'programme': f.programme, 'source': CHECKED},
        ),
    ),
    workspace_record(
        ResultLevel,
        result_level,
        pages=(
            Endpoint(
                'monitoring:level_add',
                'add',
                kwargs=at(framework_country, lambda level: {'framework_pk': level.framework.pk}),
                data=lambda level: {'order': 7, 'name': 'Activity', 'result_type': '9'},
            ),
            Endpoint(
                'monitoring:level_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda level: form_data(ResultLevelForm, level, {'framework': level.framework}, name_fr='Niveau'),
            ),
            Endpoint('monitoring:level_delete', 'delete', kwargs=guessed(by_pk), data=lambda level: {}),
        ),
        api=api(
            'monitoring',
            'resultlevel',
            create=lambda level: {'framework': level.framework.pk, 'order': 8, 'name': 'Task', 'result_type': '9'},
            change=lambda level: {
                'framework': level.framework.pk,
                'order': level.order,
                'name': level.name,
                'name_fr': 'Niveau',
                'result_type': level.result_type,
            },
        ),
    ),
    workspace_record(
        FrameworkResult,
        framework_result,
        pages=(
            Endpoint('monitoring:result_history', kwargs=at(framework_country, by_pk)),
            Endpoint(
                'monitoring:result_add',
                'add',
                kwargs=at(framework_country, lambda r: {'framework_pk': r.framework.pk}),
                data=lambda r: {'code': '8', 'level': r.level.pk, 'statement': 'Courts open in every county'},
            ),
            Endpoint(
                'monitoring:result_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda r: form_data(
                    FrameworkResultForm, r, {'framework': r.framework, 'user': ANYONE}, description=CHECKED
                ),
            ),
            Endpoint('monitoring:result_delete', 'delete', kwargs=guessed(by_pk), data=lambda r: {}),
        ),
        api=api(
            'monitoring',
            'frameworkresult',
            create=lambda r: {'framework': r.framework.pk, 'level': r.level.pk, 'code': '7', 'statement': 'Prisons'},
            change=lambda r: {
                'framework': r.framework.pk,
                'level': r.level.pk,
                'code': r.code,
                'statement': r.statement,
                'description': CHECKED,
            },
        ),
        marker=lambda r: f'id="result-{r.pk}"',
    ),
    workspace_record(
        ResultActivity,
        result_activity,
        api=api(
            'monitoring',
            'resultactivity',
            create=lambda link: {'result': link.result.pk, 'activity': other_activity(result_country(link)).pk},
            change=lambda link: {'result': link.result.pk, 'activity': link.activity.pk, 'note': CHECKED},
        ),
    ),
    workspace_record(
        Indicator,
        monitoring_indicator,
        pages=(
            Endpoint('monitoring:indicator_list', 'list'),
            Endpoint('monitoring:indicator', kwargs=at(result_country, by_pk)),
            Endpoint('monitoring:indicator_history', kwargs=at(result_country, by_pk)),
            Endpoint(
                'monitoring:indicator_add',
                'add',
                kwargs=at(result_country, lambda i: {'result_pk': i.result.pk}),
                data=lambda i: {
                    'code': '9.z',
                    'title': 'Police stations open',
                    'unit': 'number',
                    'direction': 'increase',
                    'frequency': 'annual',
                    'decimal_places': 0,
                    'baseline_not_available': 'on',
                    'baseline_reason': 'Not yet counted',
                },
            ),
            Endpoint(
                'monitoring:indicator_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda i: form_data(IndicatorForm, i, {'result': i.result, 'user': ANYONE}, definition=CHECKED),
            ),
            Endpoint('monitoring:indicator_delete', 'delete', kwargs=guessed(by_pk), data=lambda i: {}),
            Endpoint(
                'monitoring:libraryindicator_copy',
                'post',
                kwargs=lambda i: {'code': 'trust-in-police'},
                data=lambda i: {'result': i.result.pk, 'code': '9.t', 'baseline_reason': CHECKED},
            ),
        ),
        api=api(
            'monitoring',
            'indicator',
            create=lambda i: {
                'result': i.result.pk,
                'code': '9.b',
                'title': 'Women police officers',
                'unit': 'percentage',
                'baseline_value': '17.0',
                'baseline_date': '2016-12-31',
                'sdg_indicators': ['16.7.1'],
            },
            change=lambda i: {
                'result': i.result.pk,
                'code': i.code,
                'title': i.title,
                'baseline_not_available': True,
                'baseline_reason': CHECKED,
            },
        ),
    ),
    workspace_record(
        IndicatorPeriod,
        indicator_period,
        pages=(
            Endpoint(
                'monitoring:period_add',
                'add',
                kwargs=at(
                    lambda p: p.indicator.result.framework.country.iso3, lambda p: {'indicator_pk': p.indicator.pk}
                ),
                data=lambda p: {'label': '2026', 'start': '2026-01-01', 'end': '2026-12-31', 'target': '12'},
            ),
            Endpoint(
                'monitoring:period_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda p: form_data(IndicatorPeriodForm, p, {'indicator': p.indicator}, target_note=CHECKED),
            ),
            Endpoint('monitoring:period_delete', 'delete', kwargs=guessed(by_pk), data=lambda p: {}),
        ),
        api=api(
            'monitoring',
            'indicatorperiod',
            create=lambda p: {'indicator': p.indicator.pk, 'start': '2027-01-01', 'end': '2027-12-31', 'target': '14'},
            change=lambda p: {
                'indicator': p.indicator.pk,
                'start': p.start.isoformat(),
                'end': p.end.isoformat(),
                'target': '11',
                'target_note': CHECKED,
            },
        ),
    ),
    AccessEntry(
        model=LibraryIndicator,
        record=lambda: LibraryIndicator.objects.get(code='unsentenced-detainees'),
        pages=(
            Endpoint('monitoring:libraryindicator_list', 'list'),
            Endpoint('monitoring:libraryindicator', kwargs=lambda r: {'code': r.code}),
        ),
        api=api('monitoring', 'libraryindicator', lookup='code', attribute='code'),
        marker=lambda r: f'id="library-{r.code}"',
        api_key='code',
    ),
    AccessEntry(
        model=SdgIndicator,
        record=lambda: SdgIndicator.objects.get(number='16.3.2'),
        pages=(Endpoint('monitoring:sdgindicator_list', 'list'),),
        api=api('monitoring', 'sdgindicator', lookup='number', attribute='number'),
        marker=lambda r: f'id="sdg-{r.number}"',
        api_key='number',
    ),
    # Section: monitoring's actuals and review (issue 13 item 3)
    workspace_record(
        Indicator,
        m_indicator,
        pages=(
            Endpoint(
                'monitoring:indicator_actuals', kwargs=lambda i: {'iso3': i.result.framework.country.iso3, 'pk': i.pk}
            ),
            Endpoint(
                'monitoring:indicator_disaggregations',
                'post',
                kwargs=guessed(by_pk),
                data=lambda i: {'types': [DisaggregationType.objects.get(country=None, kind='age-group').pk]},
                logs=IndicatorDisaggregation,
            ),
        ),
    ),
    workspace_record(
        ActualReport,
        actual_report,
        pages=(
            Endpoint('monitoring:actual_review_list', 'list', kwargs=home),
            Endpoint('monitoring:actual_report', kwargs=report_kwargs),
            Endpoint('monitoring:actual_report_history', kwargs=report_kwargs),
            Endpoint(
                'monitoring:actual_report_add',
                'add',
                kwargs=lambda r: {'iso3': r.country.iso3, 'period': r.period_id},
                data=lambda r: {'organisation': m_organisation().pk, 'note': CHECKED},
            ),
            Endpoint(
                'monitoring:actual_report_values',
                'post',
                kwargs=guessed(by_pk),
                data=lambda r: {'cell-0-value': '7', 'cell-0-source': CHECKED},
                logs=ActualValue,
            ),
            # The workflow's own rule decides (tests/test_actuals.py): here only its refusals are checked.
            Endpoint(
                'monitoring:actual_report_step',
                'post',
                kwargs=guessed(by_pk),
                data=lambda r: {'action': 'submit'},
                saves=False,
            ),
        ),
        api=monitoring_api(
            'actualreport',
            create=lambda r: {'period': r.period_id, 'organisation': m_organisation('Access suite API partner').pk},
            change=lambda r: {'period': r.period_id, 'organisation': r.organisation_id, 'note': CHECKED},
        ),
    ),
    workspace_record(
        ActualValue,
        actual_value,
        api=monitoring_api(
            'actualvalue',
            create=lambda v: {
                'report': v.report_id,
                'category': v.report.period.indicator.disaggregation_links.get().type.categories.first().pk,
                'value': '2',
            },
            change=lambda v: {'report': v.report_id, 'category': None, 'value': '6', 'note': CHECKED},
        ),
    ),
    workspace_record(ActualStep, actual_step, api=monitoring_api('actualstep')),
    workspace_record(
        DisaggregationType,
        country_disaggregation,
        pages=(
            Endpoint('monitoring:disaggregation_list', 'list', kwargs=home),
            Endpoint(
                'monitoring:disaggregation_add',
                'add',
                kwargs=lambda d: {'iso3': d.country.iso3},
                data=lambda d: {'kind': 'institution', 'name': 'Access suite forces', 'categories': 'Police\nArmy'},
            ),
            Endpoint(
                'monitoring:disaggregation_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda d: {
                    'kind': 'admin-area',
                    'name': d.name,
                    'name_fr': CHECKED,
                    'categories': 'Bomi\nMontserrado',
                },
            ),
        ),
        api=monitoring_api('disaggregationtype'),
    ),
    # Monitoring context: read by every role, written by loading only (no write page or endpoint)
    AccessEntry(
        model=StatisticSeries,
        record=statistic_series,
        api=api('monitoring', 'statisticseries'),
    ),
    AccessEntry(
        model=StatisticValue,
        record=statistic_value,
        foreign=lambda: statistic_value(FOREIGN),
        pages=(
            Endpoint('monitoring:context', 'list', kwargs=home),
            Endpoint('monitoring:statistic_value', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:statistic_value_history', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:statistics_export', kwargs=at(own_country, lambda r: {'fmt': 'csv'})),
        ),
        api=api('monitoring', 'statisticvalue'),
    ),
    AccessEntry(
        model=ConflictEvent,
        record=conflict_event,
        foreign=lambda: conflict_event(FOREIGN),
        pages=(
            Endpoint('monitoring:conflict_event_list', 'list', kwargs=home),
            Endpoint('monitoring:conflict_event', kwargs=at(own_country, by_pk)),
            Endpoint('monitoring:conflict_event_history', kwargs=at(own_country, by_pk)),
        ),
        api=api('monitoring', 'conflictevent'),
    ),
    # Section: safeguards, alleged violations (sensitive: read by the country's HRDDP circle, written by its
    # due-diligence officers)
    AccessEntry(
        model=Allegation,
        record=alleged_violation,
        foreign=lambda: alleged_violation(FOREIGN),
        reader=Role.HRDDP_FORUM_MEMBER,
        writer=Role.DUE_DILIGENCE_OFFICER,
        pages=(
            Endpoint('safeguards:allegation_list', 'list', kwargs=home),
            Endpoint('safeguards:allegation', kwargs=at(own_country, by_pk)),
            Endpoint('safeguards:allegation_history', kwargs=at(own_country, by_pk)),
            Endpoint('safeguards:allegation_add', 'add', kwargs=at(own_country), data=allegation_form_data),
            Endpoint(
                'safeguards:allegation_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda record: allegation_form_data(record, edit=True),
            ),
            Endpoint('safeguards:allegation_delete', 'delete', kwargs=guessed(by_pk), data=lambda record: {}),
        ),
        api=api(
            'safeguards',
            'allegation',
            create=allegation_payload,
            change=lambda record: {**allegation_payload(record), 'place': CHECKED},
        ),
    ),
    AccessEntry(
        model=AllegationSource,
        record=allegation_source,
        foreign=lambda: allegation_source(FOREIGN),
        reader=Role.HRDDP_FORUM_MEMBER,
        writer=Role.DUE_DILIGENCE_OFFICER,
        api=api(
            'safeguards',
            'allegationsource',
            create=lambda source: {
                'allegation': source.allegation_id,
                'name': 'Nurse',
                'reliability': 'C',
                'credibility': '3',
            },  # fmt: skip
            change=lambda source: {
                'allegation': source.allegation_id,
                'name': CHECKED,
                'reliability': 'A',
                'credibility': '1',
            },  # fmt: skip
        ),
    ),
    # Section: safeguards vetting (issue 14 item 6)
    vetting_entry(
        Individual,
        screened_individual,
        pages=(
            Endpoint('safeguards:individual_list', 'list', kwargs=home),
            Endpoint('safeguards:individual', kwargs=at(own_country, by_pk)),
            Endpoint('safeguards:individual_history', kwargs=at(own_country, by_pk)),
            Endpoint(
                'safeguards:individual_add',
                'add',
                kwargs=at(own_country),
                data=lambda i: {'name': 'Aimé Wanzé', 'category': IndividualCategory.INTEGRATION},
            ),
            Endpoint(
                'safeguards:individual_edit',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda i: form_data(IndividualForm, i, {'country': i.country, 'user': ANYONE}, aliases=CHECKED),
            ),
            Endpoint('safeguards:individual_delete', 'delete', kwargs=guessed(by_pk), data=lambda i: {}),
        ),
        api_endpoints=api(
            'safeguards',
            'individual',
            create=lambda i: {'country': i.country.iso3, 'name': 'Aimé Wanzé', 'category': 'integration'},
            change=lambda i: {'country': i.country.iso3, 'name': i.name, 'aliases': CHECKED, 'category': i.category},
        ),
        marker=row('individual'),
    ),
    vetting_entry(
        WatchList,
        watch_list,
        pages=(
            Endpoint('safeguards:watchlist_list', 'list', kwargs=home),
            Endpoint('safeguards:watchlist', kwargs=at(own_country, by_pk)),
            Endpoint('safeguards:watchlist_export', kwargs=at(own_country, lambda w: {'pk': w.pk, 'fmt': 'csv'})),
        ),
        api_endpoints=api('safeguards', 'watchlist'),
        marker=lambda w: w.title,
    ),
    vetting_entry(
        ListedPerson,
        listed_person,
        pages=(
            Endpoint(
                'safeguards:watchlist', kwargs=lambda p: {'iso3': p.watch_list.country.iso3, 'pk': p.watch_list.pk}
            ),
        ),
        api_endpoints=api('safeguards', 'listedperson'),
        marker=row('listed'),
    ),
    vetting_entry(
        Screening,
        screening,
        pages=(
            Endpoint(
                'safeguards:individual', kwargs=lambda s: {'iso3': s.individual.country.iso3, 'pk': s.individual.pk}
            ),
        ),
        api_endpoints=api('safeguards', 'screening', create=lambda s: {'individual': s.individual_id, 'threshold': 85}),
        marker=lambda s: f'id="screening-{s.pk}"',
    ),
    vetting_entry(
        ScreeningMatch,
        screening_match,
        pages=(
            Endpoint(
                'safeguards:match_review',
                'edit',
                kwargs=guessed(by_pk),
                data=lambda m: {'decision': 'rejected', 'reason': CHECKED},
                logs=ScreeningMatch,
            ),
        ),
        api_endpoints=api('safeguards', 'screeningmatch'),
        marker=lambda m: f'id="match-{m.pk}"',
    ),
    *hrdd_entries(),
]
