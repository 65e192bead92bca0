"""The progress report laid out: a standalone HTML document (the PDF's source and the command's ``--format html``),
a PDF (WeasyPrint, A4, title page, page numbers, the country brief's fonts) and a DOCX (python-docx: headings,
paragraphs, lists and the numbered references with each record's path)."""

import io

from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .sentences import WrittenReport

__all__ = ['FORMATS', 'CONTENT_TYPES', 'filename', 'render', 'render_docx', 'render_html', 'render_pdf']

FORMATS = ('html', 'pdf', 'docx')
CONTENT_TYPES = {
    'html': 'text/html; charset=utf-8',
    'pdf': 'application/pdf',
    'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}


def filename(written: WrittenReport, fmt: str) -> str:
    report = written.report
    return f'ssrhub-progress-report-{report.iso3}-{report.start}-{report.end}-{report.language}.{fmt}'


def render_html(written: WrittenReport, base_url: str = '') -> str:
    """The report as one HTML document in its language (links to the records on ``base_url``)."""
    with translation.override(written.report.language):
        return render_to_string(
            'monitoring/report/document.html', {'written': written, 'base_url': base_url, 'show_paths': True}
        )


def render_pdf(written: WrittenReport, base_url: str = '') -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs time that other pages need not pay

    return HTML(string=render_html(written, base_url), base_url=base_url or None).write_pdf()


def _page_number(paragraph) -> None:
    """A PAGE field: Word fills in the page's number."""
    run = paragraph.add_run()
    for kind, text in (('begin', None), (None, 'PAGE'), ('end', None)):
        if kind:
            element = OxmlElement('w:fldChar')
            element.set(qn('w:fldCharType'), kind)
        else:
            element = OxmlElement('w:instrText')
            element.set(qn('xml:space'), 'preserve')
            element.text = text
        run._r.append(element)


def render_docx(written: WrittenReport, base_url: str = '') -> bytes:
    """The report as a Word document: a title page, a heading per section, its paragraphs (lists as bullets) with
    reference numbers in brackets, and the references with each record's address."""
    document = Document()
    document.core_properties.title = f'{written.title}: {written.subtitle}'
    document.core_properties.language = written.report.language
    style = document.styles['Normal']
    style.font.name = 'DejaVu Sans'
    style.font.size = Pt(10)
    document.add_heading(written.title, level=0)
    for line in (written.subtitle, written.period, written.generated, written.language_name):
        document.add_paragraph(line)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_number(footer)
    for section in written.sections:
        document.add_heading(section['heading'], level=1)
        for paragraph in section['paragraphs']:
            if paragraph['style'] == 'list':
                for sentence in paragraph['sentences']:
                    _sentence(document.add_paragraph(style='List Bullet'), sentence)
            else:
                block = document.add_paragraph()
                for index, sentence in enumerate(paragraph['sentences']):
                    if index:
                        block.add_run(' ')
                    _sentence(block, sentence)
    document.add_heading(written.references_heading, level=1)
    for reference in written.references:
        line = document.add_paragraph()
        line.add_run(f'[{reference["number"]}] ').bold = True
        line.add_run(reference['label'])
        if reference['url']:
            line.add_run(f' — {base_url}{reference["url"]}')
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _sentence(block, sentence: dict) -> None:
    block.add_run(sentence['text'])
    if sentence['refs']:
        marks = block.add_run(' [' + ', '.join(str(ref['number']) for ref in sentence['refs']) + ']')
        marks.font.superscript = True


def render(written: WrittenReport, fmt: str, base_url: str = '') -> bytes:
    """The report in ``fmt`` (one of ``FORMATS``) as bytes."""
    if fmt == 'pdf':
        return render_pdf(written, base_url)
    if fmt == 'docx':
        return render_docx(written, base_url)
    if fmt == 'html':
        return render_html(written, base_url).encode()
    raise ValueError(f'unknown format {fmt!r}: one of {", ".join(FORMATS)}')
