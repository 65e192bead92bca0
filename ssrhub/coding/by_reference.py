"""Mandates given by reference: a resolution that sets up or changes a mission "as proposed by the
Secretary-General" or "with the mandate described in paragraphs 9 to 18 of document S/1994/89/Add.1" puts the
tasks in the report, not in its own text. A coder that reads resolutions cannot see those tasks, so the mandated
side of a comparison is short of them until the report is read too; this module finds such paragraphs and the
reports they point to, so that a page can say what is missing.

Plain Python: no Django import. English and French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ['ByReference', 'cited_report_paragraphs', 'cited_reports', 'citation', 'mandates_by_reference']

# The Council's own decision verbs, at the start of an operative paragraph.
_DECISION = re.compile(
    r'^(?:(?:also|further)\s+)?(?:decides|authori[sz]es|approves|endorses)\b'
    r'|^(?:(?:également|en outre)\s+)?(?:décide|autorise|approuve|fait siennes)\b',
    re.IGNORECASE,
)
# Wording that hands the content of the decision to a report or a proposal of the Secretary-General.
_BY_REFERENCE = re.compile(
    r'\bas\s+(?:proposed|recommended|outlined|described|set\s+out|envisaged)\s+(?:by|in)\b'
    r'|\bin\s+accordance\s+with\s+(?:the\s+)?(?:(?:plan|proposals?|recommendations?)\s+(?:of|in|contained)|his\s+report|the\s+report)'
    r'|\b(?:mandate|tasks?|functions)\b[^;]{0,80}?\b(?:described|outlined|set\s+out|contained|specified)\s+in\b'
    r'|\b(?:approves|endorses)\s+(?:the\s+)?(?:(?:report|plan|proposals?|recommendations?)\b)'
    r'|\btel(?:le)?s?\s+qu[e\']\s*(?:proposée?s?|recommandée?s?|décrite?s?|définie?s?)\s+(?:par|dans)\b'
    r'|\bconformément\s+(?:au\s+plan|aux\s+(?:propositions|recommandations)|à\s+son\s+rapport|au\s+rapport)'
    r'|\bapprouve\s+(?:le\s+(?:rapport|plan)|les\s+(?:propositions|recommandations))',
    re.IGNORECASE,
)
# "as described in paragraph 13;", "... paragraph 13 below", "contained in this resolution": the resolution's own
# text, not a report.
_OWN_PARAGRAPHS = re.compile(
    r'^\s*(?:the\s+present|this|la\s+présente)\s+r[ée]solution\b'
    r'|^\s*(?:operative\s+)?paragraphs?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:to|and|-|–|à|et)\s*\d+)?\s*'
    r'(?:[;,.]|$|(?:below|above|of\s+(?:the\s+present|this)\s+resolution|ci-dessous|ci-dessus'
    r'|de\s+la\s+présente\s+résolution)\b)',
    re.IGNORECASE,
)
_REPORT_WORDS = re.compile(r'\b(?:Secretary-General|report|document|Secrétaire général|rapport)\b', re.IGNORECASE)
# S/24892, S/24892/Add.1, S/1994/89/Add.1 (Council documents; resolutions are S/RES/...).
_SYMBOL = re.compile(r'\bS/(?:\d{4}/\d{1,4}|\d{4,5})(?:/Add\.\d+)?\b')
# The preamble's "Having considered the report of the Secretary-General of 3 December 1992 (S/24892 and Add.1)".
_REPORT_IN_PREAMBLE = re.compile(r'\b(?:report|rapport)\b[^;]{0,120}?\((S/[^)]*)\)', re.IGNORECASE)


# "paragraphs 9 to 18 of document S/1994/89/Add.1", "paragraphs 57 (d) and 58 of the Secretary-General's report",
# "paragraphe 12 du rapport": the report's own paragraphs that hold the decision.
_NUMBER = r'\d{1,3}(?:\s*\([a-z]{1,4}\))?'
_REPORT_PARAGRAPHS = re.compile(
    rf'\b(?:paragraphs?|paragraphes?|paras?\.)\s+(?P<refs>{_NUMBER}(?:\s*(?:,|to|and|-|–|à|et)\s*{_NUMBER})*)'
    r'\s+(?:of|in|du|de\s+la|de\s+l[\'’]|dans)\s+(?P<what>[^;:]{0,80})',
    re.IGNORECASE,
)
# "Approves the report of the Secretary-General, in particular its paragraph 5".
_ITS_PARAGRAPHS = re.compile(
    rf'\b(?:report|rapport)\b[^;]{{0,80}}?\b(?:its|son|ses)\s+(?:paragraphs?|paragraphes?)\s+'
    rf'(?P<refs>{_NUMBER}(?:\s*(?:,|to|and|-|–|à|et)\s*{_NUMBER})*)',
    re.IGNORECASE,
)
_REPORT_NOT_RESOLUTION = re.compile(
    r'^(?:the\s+|his\s+|her\s+|this\s+|that\s+|said\s+|above-mentioned\s+|second\s+|further\s+|special\s+)*'
    r'(?:(?:Secretary-General|Secrétaire\s+général)[\'’]s\s+)?(?:report|document|letter|rapport|lettre)\b'
    r'|^(?:the\s+)?(?:Secretary-General|Secrétaire\s+général)[\'’]s\s+(?:report|letter)\b'
    r'|^(?:document\s+)?S/\d',
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ByReference:
    """An operative paragraph whose content lies in a report, the report symbols it names or implies, and the
    report's paragraphs it cites (empty: the report as a whole, or paragraphs it does not say)."""

    paragraph: str
    reports: tuple[str, ...]
    from_preamble: bool
    report_paragraphs: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            'paragraph': self.paragraph,
            'reports': list(self.reports),
            'from_preamble': self.from_preamble,
            'report_paragraphs': list(self.report_paragraphs),
        }


def cited_report_paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of a report that ``text`` cites (``paragraphs 9 to 18 of document S/1994/89/Add.1`` gives 9
    to 18; ``paragraphs 57 (d) and 58 of the Secretary-General's report`` gives ``57 (d)`` and 58), in the
    segmenter's form; a resolution's paragraphs (``paragraph 2 of resolution 770``, ``paragraph 4 above``) are not
    a report's."""
    found: list[str] = []
    for match in _REPORT_PARAGRAPHS.finditer(text):
        if _REPORT_NOT_RESOLUTION.match(match['what'].strip()):
            found.extend(_expand_refs(match['refs']))
    for match in _ITS_PARAGRAPHS.finditer(text):
        found.extend(_expand_refs(match['refs']))
    return tuple(dict.fromkeys(found))


def _expand_refs(refs: str) -> list[str]:
    """``9 to 18`` -> 9, 10, ... 18; ``22, 24 and 25`` -> 22, 24, 25; ``57(d) and 58`` -> 57 (d), 58."""
    expanded: list[str] = []
    for part in re.split(r'\s*(?:,|\band\b|\bet\b)\s*', refs):
        bounds = [
            ' '.join(re.sub(r'\s*\(', ' (', bound).split())
            for bound in re.split(r'\s*(?:\bto\b|\bà\b|-|–)\s*', part)
            if bound.strip()
        ]
        if len(bounds) == 2 and all(bound.isdigit() for bound in bounds) and int(bounds[0]) < int(bounds[1]):
            expanded.extend(str(number) for number in range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            expanded.extend(bounds)
    return expanded


def citation(resolution: str, paragraph: str, report: str, report_paragraphs: tuple[str, ...] = ()) -> str:
    """``S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 paras. 9-18``: where a mandate given by reference lies."""
    target = report
    if report_paragraphs:
        runs = _runs(report_paragraphs)
        target += f' {"paras." if len(report_paragraphs) > 1 else "para."} {", ".join(runs)}'
    return f'{resolution} op. {paragraph} -> {target}'


def _runs(refs: tuple[str, ...]) -> list[str]:
    """Consecutive whole numbers as ranges (9, 10, 11 -> 9-11); sub-items as they are."""
    runs: list[list[str]] = []
    for ref in refs:
        if runs and ref.isdigit() and runs[-1][-1].isdigit() and int(ref) == int(runs[-1][-1]) + 1:
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return [run[0] if len(run) == 1 else f'{run[0]}-{run[-1]}' for run in runs]


def cited_reports(text: str) -> tuple[str, ...]:
    """The Council document symbols in ``text`` (``S/24892 and Add.1`` gives S/24892 and S/24892/Add.1)."""
    found = []
    for match in _SYMBOL.finditer(text):
        found.append(match[0])
        tail = text[match.end() : match.end() + 20]
        addendum = re.match(r'\s+(?:and|et)\s+(Add\.\d+)', tail)
        if addendum and '/Add.' not in match[0]:
            found.append(f'{match[0]}/{addendum[1]}')
    return tuple(dict.fromkeys(found))


def _preamble_reports(preamble: list[str]) -> tuple[str, ...]:
    found = []
    for text in preamble:
        for match in _REPORT_IN_PREAMBLE.finditer(text):
            found.extend(cited_reports(match[1]))
    return tuple(dict.fromkeys(found))


def mandates_by_reference(operative: list[tuple[str, str]], preamble: list[str] = ()) -> list[ByReference]:
    """The operative paragraphs ``(ref, text)`` that decide by reference to a report or proposal.

    A paragraph qualifies when it opens with a decision verb (decides, authorizes, approves, endorses) and hands
    its content to the Secretary-General's report or proposals. Its reports are the symbols it cites; failing
    that, the reports the preamble cites (``from_preamble``), which is where "as proposed by the
    Secretary-General" points.
    """
    found = []
    for ref, text in operative:
        stripped = text.strip()
        if not _DECISION.match(stripped):
            continue
        match = _BY_REFERENCE.search(stripped)
        if match is None or not _REPORT_WORDS.search(stripped[match.start() :]):
            continue
        if _OWN_PARAGRAPHS.match(stripped[match.end() :]):
            continue
        reports = cited_reports(stripped)
        found.append(
            ByReference(
                ref,
                reports or _preamble_reports(list(preamble)),
                from_preamble=not reports,
                report_paragraphs=cited_report_paragraphs(stripped),
            )
        )
    return found
