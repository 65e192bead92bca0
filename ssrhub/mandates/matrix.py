"""The "mandated vs reported" matrix of chapter 9: per code, support mandated by resolutions against support reported.

Plain Python: no Django import. The input is an iterable of :class:`Reference` records, one per coded reference:
a paragraph (its id, the document symbol and the paragraph reference), the side (``mandated`` for a Council
resolution, ``reported`` for a report of the Secretary-General), the code, whether the reference is explicit,
and the delivery dimensions read by :mod:`ssrhub.mandates.delivery`. Following the method of the chapter:

* one count per reference: a paragraph counts once per code and side, however many times it names the code
  (duplicates are merged: explicit if any is, multi-valued dimensions united);
* explicit and implicit references are told apart (``explicitness``); the chapter left implicit mandates (a
  broad SSR mandate read as covering a component) out of its comparison, which ``explicit_only=True`` does;
* ``duration`` is the book's long vs short action: an action that two or more documents of the same side refer
  to is long, an action only one document mentions is short. An action is identified by ``Reference.action``
  when given, else by mission, code and main category (the first of ``categories``, the one found nearest the
  code): a coarse key, under which two different trainings of one mission in one area are one action. On the
  mandated side the same rule reads as "task renewed in several resolutions";
* the other breakdowns are ``support``, ``level``, ``beneficiary``, ``category``, ``horizon`` (the textual cue),
  ``mission_type`` (PKO, SPM...) and ``period`` (a year, or the labels of ``periods``).

Each row carries the counts of both sides, every breakdown, the flags ``mandated_not_reported`` and
``reported_not_mandated``, and for every cell the paragraph ids behind it, so that a UI can drill down.
:meth:`Matrix.as_rows` flattens the whole into CSV-ready dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    'BREAKDOWNS',
    'MANDATED',
    'REPORTED',
    'ROW_FIELDS',
    'SIDES',
    'TOTAL',
    'Cell',
    'Matrix',
    'MatrixRow',
    'Reference',
    'SideSummary',
    'build_matrix',
]

MANDATED = 'mandated'
REPORTED = 'reported'
SIDES = (MANDATED, REPORTED)
UNSPECIFIED = 'unspecified'
NO_CATEGORY = 'none'
LONG = 'long'
SHORT = 'short'
TOTAL = 'ALL'
BREAKDOWNS = (
    'explicitness',
    'support',
    'level',
    'beneficiary',
    'category',
    'horizon',
    'duration',
    'mission_type',
    'period',
)
ROW_FIELDS = (
    'code',
    'dimension',
    'value',
    'mandated',
    'reported',
    'mandated_not_reported',
    'reported_not_mandated',
    'mandated_paragraphs',
    'reported_paragraphs',
)
# Values listed first in a breakdown, in this order; others follow alphabetically, then unspecified/none.
VALUE_ORDER = {
    'explicitness': ('explicit', 'implicit'),
    'support': ('technical', 'political', 'both'),
    'level': ('strategic', 'operational', 'tactical'),
    'duration': (LONG, SHORT),
    'horizon': ('long_term', 'short_term'),
}
LAST_VALUES = (UNSPECIFIED, NO_CATEGORY)


# Section: input


def _tuple(values) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,) if values and values not in LAST_VALUES else ()
    return tuple(dict.fromkeys(str(v) for v in values if v and v not in LAST_VALUES))


@dataclass(frozen=True)
class Reference:
    """One coded reference: a paragraph, on one side, carrying one code, with its delivery dimensions.

    ``paragraph_id`` identifies the paragraph for drill-down (a database id or ``'S/RES/866 3 (b)'``);
    ``document`` is the document symbol and ``paragraph`` the paragraph reference as printed. ``beneficiaries``
    and ``categories`` may hold several values, the main one first; an empty tuple means unspecified / none.
    ``action`` optionally names the action the reference describes, to count long and short actions across
    documents.
    """

    paragraph_id: str | int
    document: str
    paragraph: str
    side: str
    code: str
    explicit: bool = True
    support: str = UNSPECIFIED
    level: str = UNSPECIFIED
    beneficiaries: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    horizon: str = UNSPECIFIED
    mission: str = ''
    mission_type: str = ''
    year: int | None = None
    action: str = ''

    def __post_init__(self):
        if self.side not in SIDES:
            raise ValueError(f'side must be one of {", ".join(SIDES)}, not {self.side!r}')
        if not self.code:
            raise ValueError('a reference needs a code')
        object.__setattr__(self, 'beneficiaries', _tuple(self.beneficiaries))
        object.__setattr__(self, 'categories', _tuple(self.categories))
        for name in ('support', 'level', 'horizon'):
            object.__setattr__(self, name, getattr(self, name) or UNSPECIFIED)

    @classmethod
    def from_delivery(
        cls, delivery, *, paragraph_id, document: str, paragraph: str, side: str, explicit: bool = True, **extra
    ) -> Reference:
        """A reference from a :class:`ssrhub.mandates.delivery.Delivery` (its code and dimension values)."""
        return cls(
            paragraph_id=paragraph_id,
            document=document,
            paragraph=paragraph,
            side=side,
            code=delivery.code,
            explicit=explicit,
            support=delivery.support.value,
            level=delivery.level.value,
            beneficiaries=delivery.beneficiaries,
            categories=delivery.categories,
            horizon=delivery.horizon.value,
            **extra,
        )

    @property
    def action_key(self) -> tuple:
        """What identifies the action across documents: ``action``, else mission, code and main category."""
        if self.action:
            return ('action', self.code, self.action)
        return ('derived', self.mission, self.code, self.categories[0] if self.categories else NO_CATEGORY)


def _merge(first: Reference, other: Reference) -> Reference:
    """Two references of one paragraph, code and side are one reference (one count per reference)."""

    def pick(name):
        value = getattr(first, name)
        return getattr(other, name) if value in ('', UNSPECIFIED, None) else value

    return Reference(
        paragraph_id=first.paragraph_id,
        document=first.document,
        paragraph=first.paragraph,
        side=first.side,
        code=first.code,
        explicit=first.explicit or other.explicit,
        support=pick('support'),
        level=pick('level'),
        beneficiaries=first.beneficiaries + other.beneficiaries,
        categories=first.categories + other.categories,
        horizon=pick('horizon'),
        mission=pick('mission'),
        mission_type=pick('mission_type'),
        year=pick('year'),
        action=pick('action'),
    )


# Section: output


@dataclass(frozen=True)
class Cell:
    """How many references fall in a cell, and the ids of their paragraphs (in input order)."""

    count: int = 0
    paragraph_ids: tuple = ()

    def as_dict(self) -> dict:
        return {'count': self.count, 'paragraph_ids': list(self.paragraph_ids)}


EMPTY = Cell()


@dataclass(frozen=True)
class SideSummary:
    """One side of a row: references, their paragraphs and documents, and every breakdown.

    ``breakdown[dimension][value]`` is a :class:`Cell`. A reference with several beneficiaries or categories
    counts once under each, so those breakdowns may add up to more than ``count``.
    """

    count: int = 0
    paragraph_ids: tuple = ()
    documents: tuple[str, ...] = ()
    breakdown: dict = field(default_factory=dict)

    def cell(self, dimension: str, value: str) -> Cell:
        if dimension not in BREAKDOWNS:
            raise KeyError(f'unknown dimension {dimension!r} (known: {", ".join(BREAKDOWNS)})')
        return self.breakdown.get(dimension, {}).get(value, EMPTY)

    def as_dict(self) -> dict:
        return {
            'count': self.count,
            'paragraph_ids': list(self.paragraph_ids),
            'documents': list(self.documents),
            'breakdown': {
                dimension: {value: cell.as_dict() for value, cell in cells.items()}
                for dimension, cells in self.breakdown.items()
            },
        }


@dataclass(frozen=True)
class MatrixRow:
    """One code (or the totals, code ``ALL``): both sides and the mismatch flags."""

    code: str
    mandated: SideSummary
    reported: SideSummary

    @property
    def mandated_not_reported(self) -> bool:
        return self.mandated.count > 0 and self.reported.count == 0

    @property
    def reported_not_mandated(self) -> bool:
        return self.reported.count > 0 and self.mandated.count == 0

    def side(self, name: str) -> SideSummary:
        if name not in SIDES:
            raise KeyError(f'unknown side {name!r} (known: {", ".join(SIDES)})')
        return self.mandated if name == MANDATED else self.reported

    def values(self, dimension: str) -> list[str]:
        """The values of ``dimension`` found on either side, in a stable order."""
        found = set(self.mandated.breakdown.get(dimension, {})) | set(self.reported.breakdown.get(dimension, {}))
        return _ordered(dimension, found)

    def as_dict(self) -> dict:
        return {
            'code': self.code,
            'mandated': self.mandated.as_dict(),
            'reported': self.reported.as_dict(),
            'mandated_not_reported': self.mandated_not_reported,
            'reported_not_mandated': self.reported_not_mandated,
        }


@dataclass(frozen=True)
class Matrix:
    """The matrix: one row per code (sorted by code) and a totals row over all codes."""

    rows: tuple[MatrixRow, ...]
    totals: MatrixRow
    explicit_only: bool = False

    def row(self, code: str) -> MatrixRow | None:
        return next((row for row in self.rows if row.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(row.code for row in self.rows)

    @property
    def mandated_not_reported(self) -> tuple[str, ...]:
        """Codes mandated but never reported."""
        return tuple(row.code for row in self.rows if row.mandated_not_reported)

    @property
    def reported_not_mandated(self) -> tuple[str, ...]:
        """Codes reported but never mandated."""
        return tuple(row.code for row in self.rows if row.reported_not_mandated)

    def gaps(self) -> list[dict]:
        """Cells present on one side only: (code, dimension, value) mandated but not reported or the reverse."""
        found = []
        for row in self.rows:
            for dimension in BREAKDOWNS:
                for value in row.values(dimension):
                    mandated = row.mandated.cell(dimension, value)
                    reported = row.reported.cell(dimension, value)
                    if bool(mandated.count) != bool(reported.count):
                        found.append(
                            {
                                'code': row.code,
                                'dimension': dimension,
                                'value': value,
                                'mandated': mandated.count,
                                'reported': reported.count,
                                'paragraph_ids': list(mandated.paragraph_ids or reported.paragraph_ids),
                            }
                        )
        return found

    def as_rows(self, separator: str = '; ') -> list[dict]:
        """Flat CSV-ready rows (keys :data:`ROW_FIELDS`).

        Per code, a row ``dimension='all', value='all'`` with the code's counts and flags, then one row per
        dimension and value; the totals follow with code ``ALL``. The flags of a cell row compare that cell's
        counts. Paragraph ids are joined with ``separator``.
        """
        rows = []
        for row in (*self.rows, self.totals):
            rows.append(_flat(row.code, 'all', 'all', row.mandated, row.reported, separator))
            for dimension in BREAKDOWNS:
                for value in row.values(dimension):
                    rows.append(
                        _flat(
                            row.code,
                            dimension,
                            value,
                            row.mandated.cell(dimension, value),
                            row.reported.cell(dimension, value),
                            separator,
                        )
                    )
        return rows

    def as_dict(self) -> dict:
        return {
            'explicit_only': self.explicit_only,
            'rows': [row.as_dict() for row in self.rows],
            'totals': self.totals.as_dict(),
            'mandated_not_reported': list(self.mandated_not_reported),
            'reported_not_mandated': list(self.reported_not_mandated),
        }


def _flat(code: str, dimension: str, value: str, mandated, reported, separator: str) -> dict:
    return {
        'code': code,
        'dimension': dimension,
        'value': value,
        'mandated': mandated.count,
        'reported': reported.count,
        'mandated_not_reported': mandated.count > 0 and reported.count == 0,
        'reported_not_mandated': reported.count > 0 and mandated.count == 0,
        'mandated_paragraphs': separator.join(map(str, mandated.paragraph_ids)),
        'reported_paragraphs': separator.join(map(str, reported.paragraph_ids)),
    }


def _ordered(dimension: str, values) -> list[str]:
    first = VALUE_ORDER.get(dimension, ())
    values = set(values)
    head = [v for v in first if v in values]
    tail = [v for v in LAST_VALUES if v in values]
    middle = sorted(values - set(head) - set(tail), key=str)
    return head + middle + tail


# Section: building


def _period(year: int | None, periods: Sequence[tuple[str, int, int]] | None) -> str:
    if year is None:
        return UNSPECIFIED
    if periods is None:
        return str(year)
    for label, first, last in periods:
        if first <= year <= last:
            return label
    return UNSPECIFIED


def _dimension_values(reference: Reference, duration: str, periods) -> dict[str, tuple[str, ...]]:
    return {
        'explicitness': ('explicit' if reference.explicit else 'implicit',),
        'support': (reference.support,),
        'level': (reference.level,),
        'beneficiary': reference.beneficiaries or (UNSPECIFIED,),
        'category': reference.categories or (NO_CATEGORY,),
        'horizon': (reference.horizon,),
        'duration': (duration,),
        'mission_type': (reference.mission_type or UNSPECIFIED,),
        'period': (_period(reference.year, periods),),
    }


def _summary(items: list[tuple[Reference, dict]]) -> SideSummary:
    cells: dict[str, dict[str, list]] = {dimension: {} for dimension in BREAKDOWNS}
    for reference, values in items:
        for dimension in BREAKDOWNS:
            for value in values[dimension]:
                cells[dimension].setdefault(value, []).append(reference.paragraph_id)
    breakdown = {
        dimension: {
            value: Cell(len(by_value[value]), tuple(dict.fromkeys(by_value[value])))
            for value in _ordered(dimension, by_value)
        }
        for dimension, by_value in cells.items()
        if by_value
    }
    return SideSummary(
        count=len(items),
        paragraph_ids=tuple(dict.fromkeys(reference.paragraph_id for reference, _ in items)),
        documents=tuple(dict.fromkeys(reference.document for reference, _ in items)),
        breakdown=breakdown,
    )


def build_matrix(
    references: Iterable[Reference],
    *,
    explicit_only: bool = False,
    periods: Sequence[tuple[str, int, int]] | None = None,
) -> Matrix:
    """Build the mandated vs reported matrix.

    ``explicit_only`` drops implicit references (as the chapter did with implicit mandates); ``periods`` maps
    years to labels, e.g. ``[('2006-2010', 2006, 2010), ('2011-2016', 2011, 2016)]`` (default: the year).
    """
    merged: dict[tuple, Reference] = {}
    for reference in references:
        if not isinstance(reference, Reference):
            raise TypeError(f'expected a Reference, got {type(reference).__name__}')
        key = (reference.side, reference.paragraph_id, reference.code)
        merged[key] = _merge(merged[key], reference) if key in merged else reference
    kept = [reference for reference in merged.values() if reference.explicit or not explicit_only]

    documents_per_action: dict[tuple, set[str]] = {}
    for reference in kept:
        documents_per_action.setdefault((reference.side, reference.action_key), set()).add(reference.document)

    by_code: dict[str, dict[str, list]] = {}
    everything: dict[str, list] = {side: [] for side in SIDES}
    for reference in kept:
        documents = documents_per_action[(reference.side, reference.action_key)]
        values = _dimension_values(reference, LONG if len(documents) >= 2 else SHORT, periods)
        by_code.setdefault(reference.code, {side: [] for side in SIDES})[reference.side].append((reference, values))
        everything[reference.side].append((reference, values))

    rows = tuple(
        MatrixRow(code, _summary(sides[MANDATED]), _summary(sides[REPORTED])) for code, sides in sorted(by_code.items())
    )
    totals = MatrixRow(TOTAL, _summary(everything[MANDATED]), _summary(everything[REPORTED]))
    return Matrix(rows=rows, totals=totals, explicit_only=explicit_only)
