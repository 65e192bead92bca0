"""A plan's funding result is kept per set of records read (not per account), and calculated again in the background
after a change where a worker runs (``finance/tasks.py``; Celery runs inline in the tests)."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument
from ssrhub.finance.queries import kept_readers, plan_funding, reader_key
from ssrhub.finance.tasks import refresh_kept_funding

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 6, 1)


@pytest.fixture
def plan():
    from ssrhub.coordination.models import Activity, ActivityLink, Organisation, Transaction

    liberia = Country.objects.get(iso3='LBR')
    document = NationalDocument.objects.create(
        country=liberia, kind=DocumentKind.PLAN, title='Plan', status=DocumentStatus.ADOPTED, adopted=DAY,
    )  # fmt: skip
    action = Action.objects.create(document=document, ref='1', title='Vetting', cost=Decimal('1000000'))
    donor = Organisation.objects.create(name='Sweden', iati_ref='SE-0')
    activity = Activity.objects.create(
        iati_identifier='SE-0-1', reporting_organisation=donor, country=liberia, title='Vetting support',
        planned_start=DAY, planned_end=datetime.date(2025, 12, 31),
    )  # fmt: skip
    Transaction.objects.create(activity=activity, type='2', date=DAY, value=Decimal('400000'), currency='USD',
                               value_date=DAY)  # fmt: skip
    ActivityLink.objects.create(activity=activity, kind='action', action=action)
    return document


def committed(result) -> Decimal:
    return result.total.committed


def test_readers_who_read_the_same_records_share_one_kept_result(plan, make_user, django_assert_max_num_queries):
    first = make_user('first-viewer', Role.VIEWER, ('LBR',))
    second = make_user('second-viewer', Role.VIEWER, ('CAF',))
    stranger = make_user('no-role')
    assert reader_key(first) == reader_key(second) != reader_key(stranger)
    result, _actions = plan_funding(first, plan)
    assert committed(result) == 400000
    # The key (two queries: the version, the second reader's permissions) and the plan's actions: nothing calculated.
    with django_assert_max_num_queries(4):
        assert plan_funding(second, plan)[0] == result
    # Someone who may read none of the records gets none of the money, calculated for them.
    assert committed(plan_funding(stranger, plan)[0]) == 0


def test_a_change_has_the_kept_results_calculated_again_once(
    plan, make_user, settings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from ssrhub.coordination.models import Activity, Transaction

    settings.SSRHUB_FUNDING_REFRESH = True
    reader = make_user('reader', Role.VIEWER)
    assert committed(plan_funding(reader, plan)[0]) == 400000
    assert list(kept_readers().values()) == [reader.pk]
    activity = Activity.objects.get(iati_identifier='SE-0-1')
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for value in ('100000', '50000'):
            Transaction.objects.create(activity=activity, type='2', date=DAY, value=Decimal(value), currency='USD',
                                       value_date=DAY)  # fmt: skip
    assert len(callbacks) == 1  # one refresh for the transaction, whatever it wrote
    # The refresh ran (inline here) and kept the new result: the reader's page calculates nothing.
    with django_assert_max_num_queries(4):
        assert committed(plan_funding(reader, plan)[0]) == 550000


def test_the_refresh_leaves_out_readers_whose_access_changed(plan, make_user):
    reader = make_user('reader', Role.VIEWER)
    plan_funding(reader, plan)
    assert refresh_kept_funding() == 1
    reader.groups.clear()
    assert refresh_kept_funding() == 0
    reader.delete()
    assert refresh_kept_funding() == 0


def test_without_a_worker_a_change_schedules_nothing(plan, make_user, settings, django_capture_on_commit_callbacks):
    from ssrhub.coordination.models import Activity

    settings.SSRHUB_FUNDING_REFRESH = False
    with django_capture_on_commit_callbacks() as callbacks:
        Activity.objects.filter(iati_identifier='SE-0-1').get().save()
    assert callbacks == []
