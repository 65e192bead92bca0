"""Extracting text from PDF, DOCX, HTML and plain-text files, and refusing what cannot be read.

Every fixture is built in the test (fpdf2, pypdf, python-docx, Pillow): no binary file lives in the repository.
"""

import codecs
import hashlib
import io
import pickle
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from pypdf import PdfWriter

from ssrhub.documents.extract import DEFAULT_MAX_BYTES, ExtractedText, ExtractionError, extract_bytes, extract_text

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'

HEADING = 'Resolution 2151 (2014)'
ADOPTED = 'Adopted by the Security Council at its 7161st meeting, on 28 April 2014'
FIRST_PREAMBULAR = (
    'Reaffirming its primary responsibility under the Charter of the United Nations for the maintenance of '
    'international peace and security,'
)


def _words(text: str) -> str:
    return ' '.join(text.split())


def _sample_paragraphs() -> list[str]:
    """The first paragraphs of resolution 2151 (2014)."""
    paragraphs = [_words(block) for block in SAMPLE.read_text(encoding='utf-8').split('\n\n') if block.strip()]
    return paragraphs[:9]


#
# Building fixtures
#


def _latin1(text: str) -> str:
    # The core PDF fonts cover Latin-1 only.
    return text.encode('latin-1', 'replace').decode('latin-1')


def _text_pdf(pages: list[list[str]]) -> bytes:
    pdf = FPDF()
    pdf.set_font('Helvetica', size=11)
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, _latin1(paragraph), new_x='LMARGIN', new_y='NEXT')
            pdf.ln(3)
    return bytes(pdf.output())


def _two_page_pdf() -> bytes:
    paragraphs = _sample_paragraphs()
    return _text_pdf([paragraphs[:5], paragraphs[5:]])


def _image_only_pdf() -> bytes:
    image = Image.new('RGB', (600, 200), 'white')
    ImageDraw.Draw(image).rectangle((20, 20, 580, 180), outline='black', width=5)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    pdf.add_page()
    return bytes(pdf.output())


def _encrypted_with_pypdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_two_page_pdf()))
    writer.encrypt(user_password, 'owner-secret')
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _encrypted_with_fpdf2() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password='owner-secret', user_password='')
    pdf.set_font('Helvetica', size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, _latin1(FIRST_PREAMBULAR))
    return bytes(pdf.output())


def _docx_bytes() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = 'RUNNING HEADER MUST NOT APPEAR'
    section.footer.paragraphs[0].text = 'RUNNING FOOTER MUST NOT APPEAR'
    document.add_heading(HEADING, level=1)
    document.add_paragraph(ADOPTED)
    document.add_paragraph('The Security Council,')
    document.add_paragraph('')
    document.add_paragraph(FIRST_PREAMBULAR)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = 'Mission'
    table.cell(0, 1).text = 'Mandate'
    table.cell(1, 0).text = 'UNMISS'
    table.cell(1, 1).text = 'Support to security sector reform'
    document.add_paragraph('1. Reaffirms the importance of security sector reform;')
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Page title in the head</title><meta charset="utf-8">
<script>var tracking = 'SCRIPT JUNK';</script><style>p { color: red } /* STYLE JUNK */</style></head>
<body>
<header>SITE HEADER JUNK</header>
<nav><a href="/">Home</a> | <a href="/about">NAV JUNK</a></nav>
<main>
<h1>Resolution   2151 (2014)</h1>
<p>Adopted by the Security Council at its 7161st meeting,
   on 28 April 2014</p>
<!-- COMMENT JUNK -->
<p>The Security Council,</p>
<p>Reaffirming its <em>primary</em> responsibility under the Charter&nbsp;of the United Nations for the maintenance
of international peace and security,</p>
<ol><li>Reaffirms the importance of security sector r&eacute;form;</li><li>Reiterates<br>the centrality</li></ol>
<table><tr><th>Mission</th><th>Mandate</th></tr><tr><td>UNMISS</td><td>SSR</td></tr></table>
</main>
<footer>SITE FOOTER JUNK</footer>
<script>document.write('MORE SCRIPT JUNK')</script>
</body></html>
"""


#
# PDF
#


def test_two_page_pdf_gives_its_text_page_by_page():
    data = _two_page_pdf()
    result = extract_bytes(data, 'S_RES_2151_2014_EN.pdf')
    assert isinstance(result, ExtractedText)
    assert (result.format, result.pages, result.size) == ('pdf', 2, len(data))
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    first, second = result.text.split('\f')
    assert HEADING in _words(first) and ADOPTED in _words(first)
    paragraphs = _sample_paragraphs()
    assert _words(_latin1(paragraphs[5]))[:80] in _words(second)
    assert 'Reaffirming its primary responsibility' in _words(result.text)


def test_extract_text_reads_the_file_like_extract_bytes(tmp_path):
    path = tmp_path / 'resolution.pdf'
    path.write_bytes(_two_page_pdf())
    assert extract_text(path) == extract_bytes(path.read_bytes(), 'resolution.pdf')
    assert extract_text(str(path)).pages == 2


@pytest.mark.parametrize(
    'make',
    [
        pytest.param(lambda: _encrypted_with_pypdf(''), id='pypdf-empty-user-password'),
        pytest.param(lambda: _encrypted_with_pypdf('user-secret'), id='pypdf-user-password'),
        pytest.param(_encrypted_with_fpdf2, id='fpdf2-empty-user-password'),
    ],
)
def test_encrypted_pdf_is_refused_even_with_an_empty_password(make):
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(make(), 'locked.pdf')
    assert str(caught.value) == "'locked.pdf' is encrypted; ssrhub reads only unencrypted PDFs"


@pytest.mark.parametrize(
    'make',
    [
        pytest.param(_image_only_pdf, id='image-only'),
        pytest.param(lambda: _text_pdf([[], []]), id='blank-pages'),
        pytest.param(lambda: _text_pdf([['7'], ['8']]), id='page-numbers-only'),
    ],
)
def test_a_pdf_without_text_layer_in_which_ocr_finds_no_text_is_refused(make):
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(make(), 'scan.pdf')
    assert caught.value.code == 'ocr_no_text'
    assert str(caught.value) == "'scan.pdf' has no text layer and OCR found no text in it: a blank or unreadable scan"


def test_a_scan_with_a_typed_cover_page_keeps_the_cover_and_reads_the_other_pages_by_ocr():
    pdf = FPDF()
    pdf.set_font('Helvetica', size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, _latin1(f'{HEADING} {ADOPTED} {FIRST_PREAMBULAR}'))
    for _ in range(5):
        pdf.add_page()
        pdf.image(Image.new('RGB', (60, 20), 'white'), x=10, y=10, w=50)
    extracted = extract_bytes(bytes(pdf.output()), 'mostly-scanned.pdf')
    assert extracted.text.startswith('Resolution 2151 (2014)') and extracted.pages == 6
    # The blank scanned pages: read by OCR, no word found.
    assert [(page.page, page.confidence) for page in extracted.ocr_pages] == [(n, None) for n in range(2, 7)]


def test_pdf_with_a_map_page_is_read():
    pdf = FPDF()
    pdf.set_font('Helvetica', size=11)
    for paragraph in _sample_paragraphs()[:3]:
        pdf.add_page()
        pdf.multi_cell(0, 6, _latin1(paragraph + ' ' + FIRST_PREAMBULAR))
    pdf.add_page()
    pdf.image(Image.new('RGB', (60, 20), 'white'), x=10, y=10, w=50)
    result = extract_bytes(bytes(pdf.output()), 'with-map.pdf')
    assert result.pages == 4 and result.text.count('\f') == 3


@pytest.mark.parametrize('fraction', [0.2, 0.5, 0.9, 0.99])
def test_truncated_pdf_is_refused_as_corrupt(fraction):
    data = _two_page_pdf()
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(data[: int(len(data) * fraction)], 'cut.pdf')
    assert str(caught.value).startswith("'cut.pdf' is a corrupt PDF")
    assert 'truncated' in str(caught.value)


def test_pdf_with_damaged_body_is_refused_as_corrupt():
    with pytest.raises(ExtractionError, match=r"^'bad\.pdf' is a corrupt PDF: "):
        extract_bytes(b'%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n', 'bad.pdf')


#
# DOCX
#


def test_docx_gives_paragraphs_then_tables_without_headers_or_footers():
    result = extract_bytes(_docx_bytes(), 'draft.docx')
    assert (result.format, result.pages) == ('docx', None)
    text = result.text
    assert 'MUST NOT APPEAR' not in text
    assert text.index(HEADING) < text.index(ADOPTED) < text.index(FIRST_PREAMBULAR) < text.index('1. Reaffirms')
    assert text.index('1. Reaffirms') < text.index('Mission\tMandate') < text.index('UNMISS\tSupport to security')
    assert '\n\n\n' not in text and text.split('\n\n')[:3] == [HEADING, ADOPTED, 'The Security Council,']


def test_docx_merged_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = 'Merged heading'
    for column, word in enumerate(('police', 'justice', 'corrections')):
        table.cell(1, column).text = word
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_bytes(buffer.getvalue(), 'table.docx').text
    assert text.count('Merged heading') == 1
    assert 'police\tjustice\tcorrections' in text


NUMBERING = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>"""


def _numbered(document, text: str, level: int):
    paragraph = document.add_paragraph(text)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_docx_automatic_numbering_is_printed_as_word_shows_it():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph('The Security Council,')
    _numbered(document, 'Reaffirms the importance of security sector reform;', 0)
    _numbered(document, 'Requests the Secretary-General to:', 0)
    _numbered(document, 'support national authorities;', 1)
    _numbered(document, 'report on:', 1)
    _numbered(document, 'police reform;', 2)
    _numbered(document, 'Decides to remain seized of the matter.', 0)
    _numbered(document, 'a new item restarts the letters;', 1)
    document.add_paragraph('Bulleted note', style='List Bullet')
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_bytes(buffer.getvalue(), 'numbered.docx').text.split('\n\n') == [
        'The Security Council,',
        '1. Reaffirms the importance of security sector reform;',
        '2. Requests the Secretary-General to:',
        '(a) support national authorities;',
        '(b) report on:',
        '(i) police reform;',
        '3. Decides to remain seized of the matter.',
        '(a) a new item restarts the letters;',
        'Bulleted note',
    ]


def test_docx_with_broken_xml_is_refused_as_corrupt():
    data = _zip_bytes({'[Content_Types].xml': b'<Types', 'word/document.xml': b'<w:document><w:body>'})
    with pytest.raises(ExtractionError, match=r"^'broken\.docx' is a corrupt Word document"):
        extract_bytes(data, 'broken.docx')


def test_truncated_docx_is_refused_as_corrupt():
    data = _docx_bytes()
    with pytest.raises(ExtractionError, match=r"^'cut\.docx' is a corrupt"):
        extract_bytes(data[: len(data) // 2], 'cut.docx')


def test_zip_that_is_not_a_word_document_is_unsupported():
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(_zip_bytes({'data.csv': b'a,b\n1,2\n'}), 'bundle.zip')
    assert 'not a supported document type (a ZIP archive)' in str(caught.value)


#
# HTML
#


def test_html_keeps_block_structure_and_drops_navigation_scripts_and_styles():
    result = extract_bytes(HTML_PAGE.encode('utf-8'), 'page.html')
    assert (result.format, result.pages) == ('html', None)
    text = result.text
    assert 'JUNK' not in text and 'Page title in the head' not in text
    lines = text.split('\n')
    assert lines[0] == HEADING
    assert ADOPTED in lines
    assert 'The Security Council,' in lines
    assert FIRST_PREAMBULAR in lines
    assert 'Reaffirms the importance of security sector réform;' in lines
    assert 'Reiterates' in lines and 'the centrality' in lines
    assert 'Mission\tMandate' in lines and 'UNMISS\tSSR' in lines


def test_html_is_recognised_by_content_whatever_the_extension():
    assert extract_bytes(HTML_PAGE.encode('utf-8'), 'saved-page.txt').format == 'html'
    assert extract_bytes(HTML_PAGE.encode('utf-8'), 'no-extension').format == 'html'


def test_html_extension_reads_markup_without_a_doctype():
    result = extract_bytes(b'Resolution 2151 (2014)<br>The Security Council,', 'fragment.htm')
    assert result.format == 'html' and result.text == 'Resolution 2151 (2014)\nThe Security Council,'


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Résolution – « sécurité »</p></body></html>'
    assert extract_bytes(page.encode('cp1252'), 'fr.html').text == 'Résolution – « sécurité »'


#
# Plain text
#

FRENCH_LINE = 'Le Conseil de sécurité, « réaffirmant » l’importance de la réforme – 2014'


@pytest.mark.parametrize(
    'data',
    [
        pytest.param(FRENCH_LINE.encode('utf-8'), id='utf-8'),
        pytest.param(codecs.BOM_UTF8 + FRENCH_LINE.encode('utf-8'), id='utf-8-bom'),
        pytest.param(FRENCH_LINE.encode('utf-16'), id='utf-16-bom'),
        pytest.param(codecs.BOM_UTF16_BE + FRENCH_LINE.encode('utf-16-be'), id='utf-16-be-bom'),
        pytest.param(FRENCH_LINE.encode('utf-32'), id='utf-32-bom'),
        pytest.param(FRENCH_LINE.encode('cp1252'), id='cp1252'),
    ],
)
def test_text_encodings_are_decoded(data):
    result = extract_bytes(data, 'note.txt')
    assert (result.format, result.pages, result.text) == ('txt', None, FRENCH_LINE)


def test_latin1_is_the_last_resort():
    # 0x81 is undefined in Windows-1252, so only Latin-1 decodes this.
    assert extract_bytes(b'Conseil de s\xe9curit\xe9 \x81', 'old.txt').text == 'Conseil de sécurité \x81'


def test_newlines_are_normalised_and_page_breaks_kept():
    data = b'Resolution 2151 (2014)\r\n\r\nThe Security Council,\rRecalling  \r\n\x0cPage two\n\n\n\n\nEnd\n'
    assert extract_bytes(data, 'crlf.txt').text == (
        'Resolution 2151 (2014)\n\nThe Security Council,\nRecalling\n\x0cPage two\n\nEnd'
    )


def test_sample_text_is_read_unchanged():
    result = extract_text(SAMPLE)
    assert result.format == 'txt'
    assert result.text == SAMPLE.read_text(encoding='utf-8').strip()
    assert result.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


#
# Refusals
#


def test_zero_byte_file_is_refused(tmp_path):
    path = tmp_path / 'empty.pdf'
    path.write_bytes(b'')
    with pytest.raises(ExtractionError) as caught:
        extract_text(path)
    assert str(caught.value) == "'empty.pdf' is empty (0 bytes)"


def test_blank_text_is_refused():
    with pytest.raises(ExtractionError, match=r"^'blank\.txt' contains no text"):
        extract_bytes(b' \r\n\t\n', 'blank.txt')


def test_html_without_visible_text_is_refused():
    with pytest.raises(ExtractionError, match=r"^'app\.html' contains no text \(read as HTML file\)"):
        extract_bytes(b'<html><body><script>render()</script><nav>Menu</nav></body></html>', 'app.html')


def test_oversized_bytes_are_refused_with_the_limit():
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(b'x' * 2048, 'big.txt', max_bytes=1024)
    assert (
        str(caught.value) == "'big.txt' is too large: 0.001953 MB (2,048 bytes), the limit is 0.000977 MB (1,024 bytes)"
    )


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / 'huge.pdf'
    with path.open('wb') as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 5 * 1024 * 1024)  # sparse: costs no disk space
    with pytest.raises(ExtractionError) as caught:
        extract_text(path)
    assert str(caught.value) == "'huge.pdf' is too large: 55 MB, the limit is 50 MB"


def test_windows_executable_is_unsupported(tmp_path):
    path = tmp_path / 'setup.exe'
    path.write_bytes(b'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff' + bytes(range(256)) * 4)
    with pytest.raises(ExtractionError) as caught:
        extract_text(path)
    assert str(caught.value).startswith("'setup.exe' is not a supported document type (a Windows executable)")
    assert 'PDF, Word (.docx), HTML and plain-text' in str(caught.value)


def test_unknown_binary_is_unsupported():
    with pytest.raises(ExtractionError, match=r"^'blob\.bin' is not a supported document type \(a binary file\)"):
        extract_bytes(bytes(range(256)) * 8, 'blob.bin')


def test_legacy_word_file_is_unsupported():
    with pytest.raises(ExtractionError, match='legacy Office file'):
        extract_bytes(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512), 'old.doc')


def test_image_named_as_pdf_is_refused_as_mislabelled():
    buffer = io.BytesIO()
    Image.new('RGB', (10, 10)).save(buffer, format='PNG')
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(buffer.getvalue(), 'report.pdf')
    assert str(caught.value).startswith("'report.pdf' is named as a PDF but is a PNG image")


def test_error_page_named_as_pdf_is_refused():
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(b'<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>', 'S_2013_480.pdf')
    assert str(caught.value).startswith("'S_2013_480.pdf' is named as a PDF but contains HTML")


def test_pdf_content_wins_over_a_wrong_extension():
    assert extract_bytes(_two_page_pdf(), 'resolution.docx').format == 'pdf'
    assert extract_bytes(_docx_bytes(), 'resolution.pdf').format == 'docx'


def test_missing_path_and_folder_are_refused(tmp_path):
    with pytest.raises(ExtractionError, match=r"^'absent\.pdf' does not exist$"):
        extract_text(tmp_path / 'absent.pdf')
    with pytest.raises(ExtractionError, match=r'is not a file$'):
        extract_text(tmp_path)


def test_messages_name_the_file_without_its_client_path():
    with pytest.raises(ExtractionError) as caught:
        extract_bytes(b'', 'C:\\Users\\officer\\Downloads\\mandate.docx')
    assert str(caught.value) == "'mandate.docx' is empty (0 bytes)"
    assert (caught.value.code, caught.value.filename, caught.value.params) == ('empty', 'mandate.docx', {})


def test_extraction_error_is_a_value_error_and_survives_pickling():
    assert issubclass(ExtractionError, ValueError)
    error = pickle.loads(pickle.dumps(ExtractionError('partly_scanned', 'a.pdf', scanned=3, pages=4)))
    assert (error.code, error.filename, error.params) == ('partly_scanned', 'a.pdf', {'scanned': 3, 'pages': 4})
    assert str(error) == "'a.pdf' has no text layer on 3 of its 4 pages (scanned?); run OCR first"


def test_text_that_starts_like_an_executable_header_is_still_text():
    assert extract_bytes(b'MZANSI security sector note', 'note.txt').text == 'MZANSI security sector note'


def test_limit_must_be_positive():
    with pytest.raises(ValueError, match='max_bytes'):
        extract_bytes(b'text', 'a.txt', max_bytes=0)


#
# No temporary files, no surprises
#


def test_no_temporary_file_is_ever_created(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError('extraction must not create temporary files')

    for name in ('mkstemp', 'mkdtemp', 'NamedTemporaryFile', 'TemporaryFile', 'SpooledTemporaryFile'):
        monkeypatch.setattr(tempfile, name, refuse)
    samples = {
        'a.pdf': _two_page_pdf(),
        'b.docx': _docx_bytes(),
        'c.html': HTML_PAGE.encode(),
        'd.txt': b'text',
        'e.pdf': _encrypted_with_pypdf(''),
    }
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        try:
            extract_text(tmp_path / name)
        except ExtractionError:
            pass
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(samples)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2048),
        st.builds(lambda tail: b'%PDF-1.4\n' + tail, st.binary(max_size=512)),
        st.builds(lambda tail: b'PK\x03\x04' + tail, st.binary(max_size=512)),
        st.text(max_size=500).map(lambda text: text.encode('utf-8')),
    ),
    name=st.sampled_from(['x.pdf', 'x.docx', 'x.html', 'x.txt', 'x', 'x.exe']),
)
def test_any_bytes_give_text_or_an_extraction_error(data, name):
    try:
        result = extract_bytes(data, name)
    except ExtractionError as error:
        assert str(error).startswith(f"'{name}' ")
    else:
        assert result.format in ('pdf', 'docx', 'html', 'txt') and result.text.strip()
        assert '\r' not in result.text and '\x00' not in result.text


def test_pdf_text_feeds_metadata_detection():
    from ssrhub.core.symbols import DocType
    from ssrhub.documents.metadata import detect_metadata

    text = extract_bytes(_two_page_pdf(), 'upload.pdf').text
    metadata = detect_metadata(text, 'upload.pdf')
    assert (metadata.symbol, metadata.doc_type, str(metadata.date)) == (
        'S/RES/2151 (2014)',
        DocType.RESOLUTION,
        '2014-04-28',
    )
