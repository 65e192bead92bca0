"""Split the plain text of a Security Council resolution into its heading and numbered paragraphs.

``segment(text, language='en')`` reads a resolution as printed (or as extracted from a PDF) and returns a
``StructuredDocument``: the heading, then every paragraph in reading order with its kind, its reference as
printed and its text without its label, line breaks or page furniture. ``language`` ('en' or 'fr') only
chooses the words that open preambular and operative paragraphs; the layout rules are shared.

Kinds and references
--------------------
* The heading is everything before the first paragraph: ``Resolution 2151 (2014)``, the adoption line, the
  date, ``[S/459]``, a title in capitals, and the formula ``The Security Council,`` (``Le Conseil de
  sécurité,``), which is never a paragraph. The same formula later in the text (``Therefore the Security
  Council,`` or the B part of a resolution) starts a new part with its own preamble.
* Preambular paragraphs are ``PP1``, ``PP2``... in reading order through the whole document. In a part that has
  numbered paragraphs the preamble is the run of paragraphs before the first numbered one (or before an
  unnumbered one that opens with a listed operative verb, such as ``Resolves:`` before ``1.``); later on, an
  unnumbered paragraph that opens with a participle or adjective (``Acting under Chapter VII``, ``Determined``)
  is preambular too, as in the lettered sections of resolutions 814 and 864 (1993).
* Numbered operative paragraphs (``1.``, ``1)``) have their printed number as reference: ``9``. Sub-items
  ``(a)``, ``a)``, ``(i)``, ``(1)`` are separate paragraphs under their parent: ``15 (d)``, ``2 (c) (ii)``; the
  chapeau keeps the reference ``15``. French ``a)`` items are written ``(a)`` in references too.
* Unnumbered operative paragraphs, common before 1960, are ``¶1``, ``¶2``... in reading order, so that they
  never clash with a printed number. In a part without numbers the first paragraph that opens with a finite
  verb (``Decides``, ``Calls upon``, ``Hereby resolves``, ``Décide``, ``Prie``...) ends the preamble and every
  later paragraph of the part is operative. Items of an unnumbered paragraph are ``¶2 (a)``.
* Annex paragraphs (after a line ``ANNEX``, ``Annex II``, ``Annexe``) are ``Annex 3``, ``Annex I 3 (a)`` when
  numbered and ``Annex ¶4`` / ``Annex B ¶4`` when not; annex numbers never touch operative numbers.
* Lettered parts that each restart their numbering (resolution 161 (1961) A and B) prefix the operative
  references with the part: ``A 1``, ``B 1``. Parts that continue the numbering (resolution 687 (1991),
  sections A to I) keep plain numbers.
* A reference that would repeat one already given falls back to the in-order form (``¶n``, ``Annex ¶n``) for
  a paragraph and to ``ref [2]`` for a sub-item, so references are unique within a document.

``Paragraph.number`` is the printed number of the numbered paragraph a paragraph belongs to (the same on its
sub-items; None for preambular and unnumbered paragraphs), ``sub`` the item labels below that paragraph
(``('c', 'ii')``), ``parent_ref`` the reference of the item or paragraph directly above, ``order`` the 1-based
reading order.

Labels
------
A label continues the nearest open sequence it fits: ``(i)`` after ``(h)`` is the letter i; ``(i)`` under
``(c)``, after an item that ends with a colon, or before ``(ii)`` opens roman numerals; ``(v)`` after ``(iv)``
is roman, after ``(u)`` a letter. OCR misreadings of the printed volumes are repaired when the next label
proves them (``(6)`` between ``(a)`` and ``(c)`` is ``(b)``, ``(1)`` before ``(ii)`` is ``(i)``, ``(ad)`` before
``(e)`` is ``(d)``, ``8.`` between ``4.`` and ``6.`` is ``5.``) and a ``(6)`` or ``(5)`` where ``(b)`` is due is
read as ``(b)``; ``1,``, ``ll.``, ``i9.`` and ``L.`` count as numbers only where the expected number fits. A
label alone on a line labels the next block. A label followed by lower case where the previous paragraph has
not ended is an enumeration wrapped inside a sentence and stays in the text.

Text
----
Lines are joined with single spaces. A block after a blank line, a page break or page furniture continues the
previous paragraph when it starts in lower case, with an opening quotation mark or (in the body) a dash
bullet, or when the previous paragraph has no final punctuation yet and the block does not open like a
paragraph. A lower-case block after an item that ends with ``;`` is the end of the sentence that the items
interrupt and joins the chapeau (``... by: (a) ...; (b) ...; shall freeze such funds ...``).

A word hyphenated at a line end keeps its hyphen before a capital (``Secretary-`` / ``General``), when the
document writes the hyphenated form on one line elsewhere (``peace-keeping``), after a few prefixes (``non-``,
``self-``, ``cease-``, ``twenty-``, ``co-`` before a vowel, ``ex-`` before a consonant) and before a few
compound heads (``-building``, ``-mentioned``); it loses it when the document writes the word solid
elsewhere, before a bare suffix (``-tion``, ``-fully``) and otherwise (``para-`` / ``graph``,
``notwithstand-`` / ``ing``). OCR debris is cleaned: ``Calls_on``, ``Secretary~General``, stray ``|``.

Removed: page numbers alone on a line (``3``, ``- 3 -``, ``3/6``, ``Page 3``), header and footer lines made
of the document symbol, distribution (``Distr.: General``, ``Distr.`` / ``GENERAL``), date and job number,
job numbers (``GE.93-12345``, ``14-31234 (E)``), ``*1431234*`` barcodes, rules of dashes or underscores,
``/...`` continuation marks, ``United Nations`` / ``Security Council`` / ``S`` banners at the top of the text
or next to other furniture (inside a paragraph they stay), footnote markers (``1/``, and bare numbers after
the final punctuation of a paragraph; bare numbers inside a sentence are kept because they cannot be told
from text), footnote texts (``13 Ibid., ...``, ``1/ S/24476.``), and everything from the voting line
(``Adopted unanimously at the 3057th meeting.``) to the end except a later annex. A resolution heading that
follows preambular text (a file that starts with the end of another document) starts the document afresh.

The package is pure Python (no Django import), never raises on text input (anything else gives an empty
document) and runs in time linear in the length of the text.

The package splits the work by seam: `openers` (the words that open a paragraph, from the shared
`ssrhub.documents.vocabulary`), `lines` (normalisation, page furniture), `labels` (paragraph labels and
structural lines), `blocks` (lines joined into paragraph text), `reader` (the tree of paragraphs) and `render`
(references).
"""

from __future__ import annotations

from .blocks import read_blocks
from .lines import content_lines, normalise, vocabulary_of
from .openers import language_code
from .reader import Reader
from .render import render
from .types import Paragraph, ParagraphKind, StructuredDocument

__all__ = ['Paragraph', 'ParagraphKind', 'StructuredDocument', 'segment']


def segment(text: str, language: str = 'en') -> StructuredDocument:
    """Split ``text`` (a resolution in English or French) into heading and paragraphs."""
    if not isinstance(text, str) or not text.strip():
        return StructuredDocument(heading='', paragraphs=())
    lang = language_code(language)
    cleaned = normalise(text)
    vocabulary = vocabulary_of(cleaned)
    lines = content_lines(cleaned)
    blocks = read_blocks(lines, lang, vocabulary)
    reader = Reader(blocks, lang)
    reader.read()
    return StructuredDocument(heading=reader.heading(), paragraphs=render(reader.nodes, vocabulary))
