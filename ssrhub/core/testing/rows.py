"""Rows of a database state kept in memory and inserted again in bulk (the test suite's demo)."""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

__all__ = ['insert_rows', 'stored_rows']


def stored_rows():
    """Every row of every table, model by model, to insert again later."""
    models = [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
    return [(model, list(model._base_manager.order_by('pk'))) for model in models]


def insert_rows(rows, *, missing_only: bool = False):
    """Insert the demo's rows in bulk (ten times faster than loading the demo), only those not yet stored if asked."""
    with transaction.atomic():  # foreign keys are checked at the end, so the order of the models does not matter
        for model, instances in rows:
            if missing_only:
                stored = set(model._base_manager.values_list('pk', flat=True))
                instances = [instance for instance in instances if instance.pk not in stored]
            model._base_manager.bulk_create(instances)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in rows]):
                cursor.execute(sql)
            if connection.vendor == 'postgresql':
                # Rows inserted in one go leave the planner without statistics (autovacuum analyses them later in
                # production): without them it nests loops over thousands of paragraphs for minutes.
                cursor.execute('ANALYZE')
