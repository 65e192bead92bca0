"""Framework items as plain data: one shape for the CLI export, the download buttons and the API."""

import csv
import io
import json

from ssrhub.core.models import SOURCE_BOOK

__all__ = ['EXPORT_FORMATS', 'export_version', 'item_as_dict', 'items_with_citations']

EXPORT_FORMATS = ('json', 'csv')
CSV_COLUMNS = (
    'code',
    'parent',
    'ref',
    'depth',
    'label_en',
    'label_fr',
    'definition_en',
    'definition_fr',
    'citations',
)


def items_with_citations(queryset):
    """The items of ``queryset`` in tree order, each with its citations prefetched."""
    return queryset.select_related('parent', 'version__framework').prefetch_related('citations').order_by('order')


def item_as_dict(item) -> dict:
    return {
        'code': item.code,
        'parent': item.parent.code if item.parent_id else None,
        'ref': item.ref,
        'depth': item.depth,
        'label': {'en': item.label_en, 'fr': item.label_fr},
        'definition': {'en': item.definition_en, 'fr': item.definition_fr},
        'citations': [citation.as_dict() for citation in item.citations.all()],
    }


def _csv_row(item: dict) -> dict:
    return {
        'code': item['code'],
        'parent': item['parent'] or '',
        'ref': item['ref'],
        'depth': item['depth'],
        'label_en': item['label']['en'],
        'label_fr': item['label']['fr'],
        'definition_en': item['definition']['en'],
        'definition_fr': item['definition']['fr'],
        'citations': '; '.join(citation['text'] for citation in item['citations']),
    }


def export_version(version, fmt: str, items=None) -> str:
    """Serialise a framework version (or a subset of its ``items``) as JSON or CSV text."""
    rows = [item_as_dict(item) for item in items_with_citations(items if items is not None else version.items.all())]
    if fmt == 'json':
        document = {
            'framework': version.framework.code,
            'name': {'en': version.framework.name_en, 'fr': version.framework.name_fr},
            'version': version.version,
            'released': version.released.isoformat(),
            'source_book': SOURCE_BOOK,
            'items': rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + '\n'
    if fmt == 'csv':
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator='\n')
        writer.writeheader()
        writer.writerows(_csv_row(row) for row in rows)
        return buffer.getvalue()
    raise ValueError(f'Unknown export format {fmt!r}: use one of {", ".join(EXPORT_FORMATS)}.')
