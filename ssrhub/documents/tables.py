import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import Document
from .panels import document_columns

__all__ = ['DocumentTable']


class DocumentTable(BaseTable):
    document = tables.Column(verbose_name=_('Document'), accessor='pk', linkify=True, order_by=('symbol', 'key'))
    title = tables.Column(verbose_name=_('Title'))
    doc_type = tables.Column(verbose_name=_('Type'))
    date = tables.DateColumn(verbose_name=_('Date'), format='Y-m-d', attrs={'td': {'class': 'text-nowrap'}})
    language = tables.Column(verbose_name=_('Language'))
    paragraph_count = tables.Column(verbose_name=_('Paragraphs'))

    class Meta(BaseTable.Meta):
        model = Document
        fields = ('document', 'title', 'doc_type', 'date', 'language', 'paragraph_count')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, extra_columns=document_columns(), **kwargs)

    def render_document(self, record):
        return str(record)
