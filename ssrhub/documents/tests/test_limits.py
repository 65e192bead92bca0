"""The limits every file is read within: inflated bytes counted as they are inflated, pages, paragraphs, and the
child process bounded in time and memory. Files are made in the tests, small on disk."""

import functools
import io
import os
import struct
import time
import tracemalloc
import zipfile

import pytest

from ssrhub.documents.bounded import Exceeded, run_bounded, run_bounded_ahead
from ssrhub.documents.extract import ExtractionError, LimitError, Limits, extract_bytes
from ssrhub.documents.reading import read_bounded, read_bytes

from .test_extract import _docx_bytes, _two_page_pdf

MB = 1024 * 1024


def many_paragraphs_docx(count: int = 2_000_000) -> bytes:
    """A Word file with ``count`` empty paragraphs: about 200 KB on disk, 12 MB of XML."""
    base = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    body = b'<w:p/>' * count
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in base.infolist():
            content = base.read(info)
            if info.filename == 'word/document.xml':
                content = content.replace(b'<w:body>', b'<w:body>' + body, 1)
            archive.writestr(info.filename, content)
    return buffer.getvalue()


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a ZIP archive) with one more member, deflated."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, 'a', zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@functools.cache
def padded_docx() -> bytes:
    """A Word file with a member that inflates to 40 MB."""
    return with_member(_docx_bytes(), 'word/media/padding.bin', bytes(40 * MB))


def declaring(data: bytes, name: str, size: int) -> bytes:
    """``data`` with the uncompressed size that the central directory and the local header declare for ``name``
    replaced by ``size``: a lying archive."""
    data, wanted, patched = bytearray(data), name.encode(), 0
    for signature, name_length_at, size_at, name_at in ((b'PK\x01\x02', 28, 24, 46), (b'PK\x03\x04', 26, 22, 30)):
        start = data.find(signature)
        while start != -1:
            length = struct.unpack_from('<H', data, start + name_length_at)[0]
            if bytes(data[start + name_at : start + name_at + length]) == wanted:
                struct.pack_into('<I', data, start + size_at, size)
                patched += 1
            start = data.find(signature, start + 4)
    assert patched == 2
    return bytes(data)


def measured(function, *args, **kwargs):
    """(the exception ``function`` raised, seconds, peak traced memory in bytes)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        function(*args, **kwargs)
    except Exception as error:
        raised = error
    else:
        raised = None
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return raised, seconds, peak


def test_two_million_empty_paragraphs_are_refused_quickly_in_bounded_memory():
    data = many_paragraphs_docx()
    assert len(data) < 300 * 1024
    error, seconds, peak = measured(extract_bytes, data, 'many.docx', limits=Limits(max_paragraphs=20000))
    assert isinstance(error, LimitError) and error.code == 'paragraphs' and error.limit == 20000
    assert str(error) == "'many.docx' has more than 20,000 paragraphs"
    assert seconds < 5 and peak < 64 * MB, (seconds, peak)


def test_inflated_bytes_are_counted_and_stop_at_the_limit():
    data = padded_docx()
    assert len(data) < 200 * 1024
    error, _seconds, peak = measured(extract_bytes, data, 'padded.docx', limits=Limits(max_unpacked=10 * MB))
    assert isinstance(error, LimitError) and error.code == 'unpacked'
    assert peak < 4 * MB, peak
    # Within the limit the same file is read.
    assert 'Security Council' in extract_bytes(data, 'padded.docx', limits=Limits(max_unpacked=50 * MB)).text


@pytest.mark.parametrize('member', ['word/media/padding.bin', 'word/document.xml'])
def test_an_archive_that_lies_about_its_sizes_is_refused_without_inflating_it(member):
    lying = declaring(padded_docx(), member, 1000)
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo(member).file_size == 1000
    error, _seconds, peak = measured(extract_bytes, lying, 'lying.docx', limits=Limits(max_unpacked=10 * MB))
    assert isinstance(error, ExtractionError) and 'lying.docx' in str(error)
    assert peak < 4 * MB, peak


def test_pages_and_paragraphs_of_other_formats_are_limited():
    with pytest.raises(LimitError, match='more than 1 pages') as raised:
        extract_bytes(_two_page_pdf(), 'two.pdf', limits=Limits(max_pages=1))
    assert raised.value.code == 'pages'
    assert extract_bytes(_two_page_pdf(), 'two.pdf', limits=Limits(max_pages=2)).pages == 2
    with pytest.raises(LimitError) as raised:
        extract_bytes(b'Paragraph.\n\n' * 101, 'long.txt', limits=Limits(max_paragraphs=100))
    assert raised.value.code == 'paragraphs'
    text = b'The Security Council,\n\n' + b'1. Decides to act;\n\n' * 30
    with pytest.raises(LimitError, match='more than 10 paragraphs'):
        read_bytes(text, 'segmented.txt', Limits(max_paragraphs=10))
    assert len(read_bytes(text, 'segmented.txt', Limits()).structured.paragraphs) > 10


def _spin():
    while True:
        pass


def _allocate(size):
    return len(bytearray(size))


def _fail():
    raise ValueError('no such thing')


def test_the_child_process_is_bounded_in_time_and_memory():
    started = time.monotonic()
    with pytest.raises(Exceeded) as raised:
        run_bounded(_spin, seconds=0.5, memory_bytes=100 * MB)
    assert raised.value.kind == 'seconds' and time.monotonic() - started < 3
    with pytest.raises(Exceeded) as raised:
        run_bounded(_allocate, 400 * MB, seconds=30, memory_bytes=100 * MB)
    assert raised.value.kind == 'memory'
    assert run_bounded(_allocate, 10 * MB, seconds=30, memory_bytes=100 * MB) == 10 * MB
    with pytest.raises(ValueError, match='no such thing'):
        run_bounded(_fail, seconds=30, memory_bytes=100 * MB)


def _pid():
    return os.getpid()


def test_each_call_has_its_own_child_unless_run_ahead_where_one_is_replaced_past_a_bound():
    first = run_bounded(_pid, seconds=30, memory_bytes=100 * MB)
    assert first != os.getpid() and run_bounded(_pid, seconds=30, memory_bytes=100 * MB) != first
    names = ['pid', 'pid', 'spin', 'pid', 'allocate', 'pid']
    calls = ((number, (name,)) for number, name in enumerate(names))
    results = [value for _key, value in run_bounded_ahead(_named, calls, seconds=2, memory_bytes=100 * MB)]
    first, again, spun, second, allocated, third = results
    assert again == first != os.getpid()
    assert isinstance(spun, Exceeded) and spun.kind == 'seconds' and second != first
    assert isinstance(allocated, Exceeded) and allocated.kind == 'memory' and third not in (first, second)
    with pytest.raises(ProcessLookupError):
        os.kill(third, 0)  # ended with the calls


def test_reading_in_the_child_gives_the_document_or_the_limit_it_passed():
    read = read_bounded(_docx_bytes(), 'draft.docx', Limits(), seconds=30, memory_mb=200)
    assert read.extracted.format == 'docx' and read.structured.paragraphs
    error, seconds, _peak = measured(
        read_bounded, many_paragraphs_docx(), 'many.docx', Limits(), seconds=30, memory_mb=500
    )
    assert isinstance(error, LimitError) and error.code == 'paragraphs' and seconds < 5
    with pytest.raises(LimitError) as raised:
        read_bounded(b'Paragraph.\n\n' * 2000, 'slow.txt', Limits(), seconds=0.001, memory_mb=200)
    assert raised.value.code == 'seconds' and str(raised.value).startswith("'slow.txt' took more than")


def _double(number):
    if number < 0:
        raise ValueError('negative')
    return number * 2, os.getpid()


def test_calls_run_ahead_in_one_child_in_order_each_with_its_own_outcome():
    calls = [('a', (1,)), ('b', None), ('c', (-1,)), ('d', (3,))]
    results = list(run_bounded_ahead(_double, calls, seconds=30, memory_bytes=100 * MB))
    assert [key for key, _ in results] == ['a', 'b', 'c', 'd']
    (_, (two, first_pid)), (_, nothing), (_, error), (_, (six, last_pid)) = results
    assert (two, nothing, six) == (2, None, 6) and isinstance(error, ValueError)
    assert first_pid == last_pid != os.getpid()


def _named(name):
    return {'spin': _spin, 'pid': _pid, 'allocate': lambda: _allocate(400 * MB)}[name]()


def test_a_call_ahead_past_a_bound_ends_its_child_and_the_next_gets_a_new_one():
    calls = [('spin', ('spin',)), ('pid', ('pid',))]
    results = list(run_bounded_ahead(_named, calls, seconds=0.5, memory_bytes=100 * MB))
    assert isinstance(results[0][1], Exceeded) and results[0][1].kind == 'seconds'
    assert isinstance(results[1][1], int) and results[1][1] != os.getpid()
