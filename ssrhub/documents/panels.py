"""What the apps above documents add to the paragraphs it shows, registered from their ``ready()``.

documents stores and shows text; coding, above it, reads each paragraph's force and codes. It registers a
:class:`ParagraphPanel`, so that the document page, the paragraph search and the paragraph API show and filter by
what it adds without documents importing it, the way apps register search indexes in ``core.searching``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .filtersets import ParagraphFilterSet

__all__ = [
    'DocumentPanel',
    'ParagraphPanel',
    'annotate_documents',
    'api_fields',
    'attach',
    'document_api_fields',
    'document_columns',
    'document_panels',
    'export_columns',
    'load_paragraphs',
    'panel_context',
    'panel_sources',
    'paragraph_panels',
    'register',
    'register_document',
]


@dataclass(frozen=True)
class ParagraphPanel:
    """One app's additions to the paragraphs documents shows.

    Args:
        template: shows a paragraph's text with what the app adds (``paragraph`` and the page's context in
            scope); without any panel the plain text is shown.
        load: ``load(queryset)`` returns the paragraphs' queryset with what ``attach`` reads prefetched.
        attach: ``attach(paragraphs)`` sets the attributes the template and the API read on loaded paragraphs.
        context: ``context(user)`` gives the template variables of a document's page (e.g. whether the user
            may review).
        filters: paragraph search filters by name, shown after the words field.
        api_fields: ``api_fields()`` gives new read-only serializer fields by name, added to the paragraph API
            after the paragraph's own.
        export: ``export(paragraphs)`` gives download columns by name, each ``(label, {paragraph id: value})``,
            added to the paragraph search's downloads after the text.
        sources: the models whose rows the panel shows: a change to one of them changes the kept paragraph search
            results (``core/kept.py``).
    """

    template: str
    load: Callable
    attach: Callable
    context: Callable
    filters: dict = field(default_factory=dict)
    api_fields: Callable = dict
    export: Callable = lambda paragraphs: {}
    sources: tuple = ()


@dataclass(frozen=True)
class DocumentPanel:
    """One app's additions to the document list and a document's page.

    Args:
        annotate: ``annotate(queryset)`` returns the documents' queryset with the values ``columns`` and
            ``template`` read.
        columns: ``columns()`` gives table columns by name, added to the document table after its own.
        template: shown on a document's page above its paragraphs (``object`` and the page's context in scope).
        api_fields: ``api_fields()`` gives read-only serializer fields by name, added to the document API.
    """

    annotate: Callable
    columns: Callable = dict
    template: str = ''
    api_fields: Callable = dict


_PANELS: list[ParagraphPanel] = []
_DOCUMENT_PANELS: list[DocumentPanel] = []


def register(panel: ParagraphPanel) -> None:
    _PANELS.append(panel)
    ParagraphFilterSet.add_filters(panel.filters)


def paragraph_panels() -> list[str]:
    """The templates the paragraph include shows, in the order the panels were registered."""
    return [panel.template for panel in _PANELS]


def panel_sources() -> tuple:
    """Every panel's source models."""
    return tuple(model for panel in _PANELS for model in panel.sources)


def load_paragraphs(queryset):
    """Paragraphs with their document, and what every panel needs, loaded in a fixed number of queries."""
    queryset = queryset.select_related('version__document')
    for panel in _PANELS:
        queryset = panel.load(queryset)
    return queryset


def attach(paragraphs) -> list:
    """``paragraphs`` (loaded with :func:`load_paragraphs`) as a list, with every panel's attributes set."""
    paragraphs = list(paragraphs)
    for panel in _PANELS:
        panel.attach(paragraphs)
    return paragraphs


def panel_context(user) -> dict:
    context = {}
    for panel in _PANELS:
        context.update(panel.context(user))
    return context


def export_columns(paragraphs) -> dict:
    """Every panel's download columns for ``paragraphs``: ``{name: (label, {paragraph id: value})}``."""
    columns = {}
    for panel in _PANELS:
        columns.update(panel.export(paragraphs))
    return columns


def api_fields() -> dict:
    fields = {}
    for panel in _PANELS:
        fields.update(panel.api_fields())
    return fields


def register_document(panel: DocumentPanel) -> None:
    _DOCUMENT_PANELS.append(panel)


def annotate_documents(queryset):
    """Documents with what every document panel reads."""
    for panel in _DOCUMENT_PANELS:
        queryset = panel.annotate(queryset)
    return queryset


def document_columns() -> list[tuple]:
    """(name, column) pairs the document table adds after its own columns."""
    return [item for panel in _DOCUMENT_PANELS for item in panel.columns().items()]


def document_panels() -> list[str]:
    """The templates a document's page shows above its paragraphs."""
    return [panel.template for panel in _DOCUMENT_PANELS if panel.template]


def document_api_fields() -> dict:
    fields = {}
    for panel in _DOCUMENT_PANELS:
        fields.update(panel.api_fields())
    return fields
