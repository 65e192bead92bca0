"""A delete refused because other records still refer to the record through a protected relation (``PROTECT`` or
``RESTRICT``): ``delete()`` raises ``DeleteRefused``, which says how many records of which kinds, in plain text for
the API's 409 and in HTML, with a few of them linked, for the delete pages."""

from collections import defaultdict

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ssrhub.core.readlog import is_sensitive

__all__ = ['DeleteRefused', 'delete']

EXAMPLES = 3
"""Records named per kind on a delete page."""

CANDIDATES = 50
"""Records of a kind looked at for examples the reader may view (the first by id), so a kind of 10,000 stays cheap."""


class DeleteRefused(Exception):
    """Nothing was deleted: ``kinds`` lists, most numerous first, the models and records that still refer to it."""

    def __init__(self, records):
        grouped = defaultdict(list)
        for record in records:
            grouped[type(record)].append(record)
        self.kinds = sorted(grouped.items(), key=lambda kind: (-len(kind[1]), str(kind[0]._meta.verbose_name)))
        super().__init__(self.text())

    def text(self) -> str:
        """'This record cannot be deleted while other records refer to it: 3 actions, 1 indicator.'"""
        return self._sentence(', '.join(_count(model, records) for model, records in self.kinds))

    def html(self, user) -> str:
        """The same sentence naming and linking up to three records of each kind that ``user`` may view."""
        parts = []
        for model, records in self.kinds:
            count, shown = _count(model, records), _examples(model, records, user)
            if shown:
                links = format_html_join(', ', '<a href="{}">{}</a>', ((r.get_absolute_url(), r) for r in shown))
                count = format_html('{} ({}{})', count, links, ', …' if len(shown) < len(records) else '')
            parts.append(count)
        return format_html(self._sentence('{}'), format_html_join(', ', '{}', ((part,) for part in parts)))

    @staticmethod
    def _sentence(kinds: str) -> str:
        return _('This record cannot be deleted while other records refer to it: %(kinds)s.') % {'kinds': kinds}


def delete(obj) -> None:
    """Delete ``obj`` in one transaction, or raise ``DeleteRefused`` with nothing deleted."""
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as error:
        raise DeleteRefused(error.protected_objects) from None
    except RestrictedError as error:
        raise DeleteRefused(error.restricted_objects) from None


def _count(model, records) -> str:
    kind = model._meta.verbose_name if len(records) == 1 else model._meta.verbose_name_plural
    # Translators: how many records of one kind refer to a record that cannot be deleted, e.g. "3 actions".
    return _('%(count)s %(kind)s') % {'count': number_format(len(records), force_grouping=True), 'kind': kind}


def _examples(model, records, user) -> list:
    """The first records ``user`` may view; none of a sensitive kind (naming them would be a read to log)."""
    if is_sensitive(model) or not hasattr(model, 'get_absolute_url') or not hasattr(model.objects, 'restrict'):
        return []
    candidates = sorted(record.pk for record in records)[:CANDIDATES]
    return list(model.objects.restrict(user, 'view').filter(pk__in=candidates).order_by('pk')[:EXAMPLES])
