"""The code step of the document pipeline: every stored paragraph is coded, and `ssrhub code` reads as ingest does."""

from pathlib import Path

import pytest

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.coder import code_document
from ssrhub.coding.models import CodeAssignment, MachineReading
from ssrhub.coding.records import code_file
from ssrhub.coding.store import CODING_ANALYSIS
from ssrhub.documents.ingest import ingest_limits, ingest_path
from ssrhub.documents.models import Paragraph
from ssrhub.documents.reading import read_bounded

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


def _paragraphs(outcome):
    return Paragraph.objects.filter(version__document_id=outcome.document_id).order_by('order')


def test_ingesting_codes_every_paragraph():
    paragraphs = _paragraphs(ingest_path(SAMPLE))
    assert MachineReading.objects.filter(paragraph__in=paragraphs).count() == paragraphs.count()
    assert CodeAssignment.objects.filter(paragraph__in=paragraphs, code='ssr.generic').exists()


def test_ingesting_without_coding_stores_paragraphs_only():
    paragraphs = _paragraphs(ingest_path(SAMPLE, code=False))
    assert paragraphs.exists()
    assert not MachineReading.objects.filter(paragraph__in=paragraphs).exists()
    assert not CodeAssignment.objects.filter(paragraph__in=paragraphs).exists()


def test_coding_a_file_without_storing_gives_the_stored_codes():
    records = code_file(SAMPLE, load_codebook())
    paragraphs = _paragraphs(ingest_path(SAMPLE))
    assert [record['paragraph_ref'] for record in records] == list(paragraphs.values_list('ref', flat=True))
    stored = {
        (ref, code)
        for ref, code in CodeAssignment.objects.filter(paragraph__in=paragraphs).values_list('paragraph__ref', 'code')
    }
    assert stored == {(record['paragraph_ref'], code['code']) for record in records for code in record['codes']}


def test_the_file_is_coded_where_it_is_read_as_the_coder_codes_it():
    read = read_bounded(SAMPLE.read_bytes(), SAMPLE.name, ingest_limits(), seconds=60, memory_mb=500)
    assert read.analyses[CODING_ANALYSIS] == code_document(read.structured, load_codebook(), 'en')
    assert any(hit.code == 'ssr.generic' for coding in read.analyses[CODING_ANALYSIS] for hit in coding.hits)
