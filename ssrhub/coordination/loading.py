"""Load IATI's codelists into ``CodelistItem`` (``ssrhub setup``): idempotent, in one transaction, written in bulk
with their history."""

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ssrhub.core.loading import LoadReport

from .iati.codelists import CODELISTS, read_codelist
from .models import CodelistItem

__all__ = ['load_codelists']

FIELDS = ('name_en', 'name_fr', 'description_en', 'description_fr', 'category', 'withdrawn')


@transaction.atomic
def load_codelists(report: LoadReport) -> None:
    for codelist in CODELISTS:
        existing = {item.code: item for item in CodelistItem.objects.filter(codelist=codelist)}
        new, changed, unchanged = [], [], 0
        for row in read_codelist(codelist):
            item = existing.get(row['code'])
            if item is None:
                new.append(CodelistItem(codelist=codelist, **row))
            elif any(getattr(item, name) != row[name] for name in FIELDS):
                for name in FIELDS:
                    setattr(item, name, row[name])
                changed.append(item)
            else:
                unchanged += 1
        if new:
            bulk_create_with_history(new, CodelistItem, batch_size=500)
        if changed:
            bulk_update_with_history(changed, CodelistItem, list(FIELDS), batch_size=500)
        report.add(CodelistItem, 'created', len(new))
        report.add(CodelistItem, 'updated', len(changed))
        report.add(CodelistItem, 'unchanged', unchanged)
