"""Scanned documents, read by real OCR (OCRmyPDF and Tesseract, no mock): the text and paragraphs of a scan, each
page's confidence, a degraded page flagged for review and its paragraphs left without machine codes, a blank scan
refused, the OCR's progress written into the upload's job, and the pure parts (hOCR, confidence, review)."""

import html
import io
import shutil
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ssrhub.core.roles import Role
from ssrhub.documents.bounded import Exceeded, claim_extra_time, report, run_bounded
from ssrhub.documents.extract import extract_bytes
from ssrhub.documents.extract.ocr import OcrPage, mean_confidence, read_hocr
from ssrhub.documents.ingest import ingest_bytes
from ssrhub.documents.models import DocumentVersion, IngestJob, Paragraph
from ssrhub.documents.scans import paragraphs_from_pages, review_pages

FONT = Path('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf')
DPI = 150
ENGLISH = [
    'The Security Council,',
    '',
    'Recognizing that security sector reform is a nationally',
    'led process that must be owned by the country concerned,',
    '',
    '1. Requests the Secretary-General to support the national',
    'authorities in the reform of the police and the army;',
    '',
    '2. Decides to remain seized of the matter.',
]
FRENCH = [
    '3. Encourage les autorités nationales à poursuivre la réforme',
    'du secteur de la sécurité et à renforcer le contrôle civil',
    'des forces de défense et de sécurité nationales.',
]
DEGRADED = [
    '4. Calls upon the Government to adopt a national',
    'security strategy before the end of the year.',
]


@pytest.fixture(scope='module', autouse=True)
def tesseract():
    # Never skipped: a machine without Tesseract fails here, loudly (README: Debian's tesseract-ocr packages).
    assert shutil.which('tesseract'), 'Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-fra'


def page_image(lines: list[str], size: int = 30) -> Image.Image:
    """An A4 page at DPI with ``lines`` printed in black, as a scanner gives it (grey, no text layer)."""
    image = Image.new('L', (int(8.27 * DPI), int(11.69 * DPI)), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), size)
    for row, line in enumerate(lines):
        draw.text((DPI, DPI + row * int(size * 1.6)), line, font=font, fill=0)
    return image


def degraded(image: Image.Image) -> Image.Image:
    """A bad photocopy: shrunk, blurred and speckled."""
    small = image.resize((image.width // 3, image.height // 3)).filter(ImageFilter.GaussianBlur(1.2))
    noisy = small.resize(image.size)
    draw = ImageDraw.Draw(noisy)
    for n in range(6000):
        x, y = (n * 7919) % noisy.width, (n * 104729) % noisy.height
        draw.point((x, y), fill=(n * 37) % 256)
    return noisy


def scan_pdf(*pages: Image.Image) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, 'PDF', save_all=True, append_images=list(pages[1:]), resolution=DPI)
    return out.getvalue()


@pytest.fixture(scope='module')
def scan() -> bytes:
    return scan_pdf(page_image(ENGLISH), page_image(FRENCH), degraded(page_image(DEGRADED, size=22)))


# The pure parts


def test_read_hocr_gives_paragraphs_lines_and_word_confidences():
    hocr = """<html><body><div class='ocr_page'>
    <p class='ocr_par'><span class='ocr_line'><span class='ocrx_word' title='bbox 1 1 2 2; x_wconf 96'>Security</span>
      <span class='ocrx_word' title='bbox 1 1 2 2; x_wconf 90'>Council</span></span>
      <span class='ocr_line'><span class='ocrx_word' title='x_wconf 40'>decides</span></span></p>
    <p class='ocr_par'><span class='ocr_line'><span class='ocrx_word' title='x_wconf -1'>réforme</span>
      <span class='ocrx_word' title='x_wconf 0'> </span></span></p></div></body></html>"""
    reading = read_hocr(hocr)
    assert reading.text == 'Security Council\ndecides\n\nréforme'
    assert reading.confidences == (96.0, 90.0, 40.0, -1.0)
    assert mean_confidence(reading.confidences) == 75.3  # -1 (no confidence) is left out


def test_mean_confidence_of_a_page_without_words_is_none():
    assert mean_confidence([]) is None and mean_confidence([-1, -1]) is None


def test_a_page_under_the_threshold_or_without_words_needs_review():
    pages = [OcrPage(1, 91.5), OcrPage(2, 59.9), OcrPage(3, None), OcrPage(4, 60.0)]
    assert [page['needs_review'] for page in review_pages(pages, 60)] == [False, True, True, False]


def test_paragraphs_come_from_the_pages_that_print_a_run_of_their_words():
    pages = ['The Council recalls its resolutions on the matter.', 'Decides to remain seized of the mat-\nter.']
    paragraphs = {'PP1': 'The Council recalls its resolutions on the matter.', '2': 'Decides to remain seized.'}
    assert paragraphs_from_pages(paragraphs, pages, [2]) == ['2']
    assert paragraphs_from_pages(paragraphs, pages, [1]) == ['PP1']


def _slow(claim: bool) -> str:
    if claim:
        claim_extra_time()
        claim_extra_time()  # granted once
    report((1, 2))
    time.sleep(1.0)
    return 'read'


def test_a_bounded_child_gets_the_extra_time_it_claims_once_and_reports_its_progress():
    reports = []
    bounds = {'seconds': 0.5, 'memory_bytes': 256 * 1024 * 1024, 'extra_seconds': 2}
    assert run_bounded(_slow, True, on_progress=reports.append, **bounds) == 'read'
    assert reports == [(1, 2)]
    with pytest.raises(Exceeded) as caught:
        run_bounded(_slow, False, **bounds)
    assert (caught.value.kind, caught.value.extra_seconds) == ('seconds', 0)


# Real OCR


def test_a_scan_is_read_by_ocr_with_each_pages_confidence(scan):
    extracted = extract_bytes(scan, 'scan.pdf')
    pages = extracted.text.split('\f')
    assert extracted.pages == 3 and len(pages) == 3
    assert 'security sector reform is a nationally' in pages[0]
    assert 'Requests the Secretary-General' in pages[0]
    assert 'autorités nationales' in pages[1] and 'sécurité' in pages[1]
    confidences = {page.page: page.confidence for page in extracted.ocr_pages}
    assert list(confidences) == [1, 2, 3]
    assert confidences[1] > 80 and confidences[2] > 80
    assert confidences[3] is None or confidences[3] < 60


@pytest.mark.django_db
def test_a_blank_scan_is_refused_in_english_and_french(client, make_user, django_capture_on_commit_callbacks):
    client.force_login(make_user('ana', Role.ANALYST))
    blank = scan_pdf(Image.new('L', (1240, 1754), 255))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post('/documents/upload/', {'file': SimpleUploadedFile('blank.pdf', blank)})
    job = IngestJob.objects.get()
    assert (job.status, job.error_code) == ('failed', 'ocr_no_text')
    assert not DocumentVersion.objects.exists() and not Paragraph.objects.exists()
    english = html.unescape(client.get(response['Location']).content.decode())
    assert "'blank.pdf' has no text layer and OCR found no text in it: a blank or unreadable scan." in english
    with translation.override('fr'):
        french = html.unescape(client.get(response['Location'], HTTP_ACCEPT_LANGUAGE='fr').content.decode())
    assert '«\xa0blank.pdf\xa0» n’a pas de couche texte et l’OCR n’y a trouvé aucun texte' in french


@pytest.mark.django_db
def test_an_uploaded_scan_is_stored_with_its_ocr_pages_and_the_degraded_page_is_left_for_review(
    client, make_user, scan, django_capture_on_commit_callbacks
):
    client.force_login(make_user('ana', Role.ANALYST))
    with django_capture_on_commit_callbacks(execute=True):
        client.post('/documents/upload/', {'file': SimpleUploadedFile('scanned-resolution.pdf', scan)})
    job = IngestJob.objects.get()
    assert job.status == 'done', job.error
    assert (job.ocr_pages_done, job.ocr_pages_total, job.pages) == (3, 3, 3)
    version = DocumentVersion.objects.get()
    pages = {page['page']: page for page in version.ocr_pages}
    assert [pages[n]['needs_review'] for n in (1, 2, 3)] == [False, False, True]
    assert pages[1]['confidence'] > 80
    refs = set(version.paragraphs.values_list('ref', flat=True))
    assert {'1', '2', '3'} <= refs
    texts = dict(version.paragraphs.values_list('ref', 'text'))
    assert 'Secretary-General' in texts['1'] and 'autorités nationales' in texts['3']
    # What OCR read on the degraded page continues paragraph 3 (it prints no number of its own): that paragraph is
    # stored without machine codes, for review; those of the clean pages are coded.
    assert pages[3]['paragraphs'] == ['3']
    paragraphs = {paragraph.ref: paragraph for paragraph in version.paragraphs.all()}
    assert not paragraphs['3'].codes.exists() and not paragraphs['3'].readings.exists()
    assert paragraphs['1'].codes.exists()
    page = html.unescape(client.get(version.document.get_absolute_url()).content.decode())
    assert 'Scanned pages read by OCR' in page and 'for review' in page
    assert f'Page 3: confidence {pages[3]["confidence"]:.1f}' in page or 'Page 3: no word read' in page


@pytest.mark.django_db
def test_the_ocr_writes_its_pages_into_the_job_as_it_reads_them(make_user, scan):
    user = make_user('ana', Role.ANALYST)
    job = IngestJob.objects.create(user=user, filename='scan.pdf', size=len(scan), sha256='0' * 64, status='running')
    seen = []

    def record(done, total):
        IngestJob.objects.filter(pk=job.pk).update(ocr_pages_done=done, ocr_pages_total=total)
        seen.append((done, total))

    ingest_bytes(scan, 'scan.pdf', user=user, on_ocr_progress=record)
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    job.refresh_from_db()
    assert (job.ocr_pages_done, job.ocr_pages_total) == (3, 3)


@pytest.mark.django_db
def test_the_page_of_a_job_reading_a_scan_shows_the_pages_read_in_english_and_french(client, make_user):
    user = make_user('ana', Role.ANALYST)
    client.force_login(user)
    job = IngestJob.objects.create(
        user=user, filename='scan.pdf', size=1, sha256='6' * 64, status='running', ocr_pages_done=3, ocr_pages_total=12
    )
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'OCR: 3 of 12 pages read' in page and 'max="12" value="3"' in page and 'hx-trigger="every 2s"' in page
    with translation.override('fr'):
        french = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert 'OCR\xa0: 3 pages lues sur 12' in french
