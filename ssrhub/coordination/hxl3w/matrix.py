"""The 3W matrix: who does what where and when, counted, over plain rows.

Plain Python: no Django import. ``build()`` counts the rows (or any records with the same attributes: an
activity's organisation, sector or framework component, admin area and period) by two dimensions, with row,
column and grand totals and each cell's share of the largest for a heat table; ``filter_rows()`` keeps the rows of
a filter and ``drill()`` the rows behind one cell.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

__all__ = ['DIMENSIONS', 'Matrix', 'build', 'drill', 'filter_rows', 'from_counts']

# What a row or column of the matrix can be, read from a ThreeWRow (or any record with the same attributes).
DIMENSIONS: Mapping[str, Callable[[object], str]] = {
    'organisation': lambda row: row.org_acronym or row.org_name,
    'org_type': lambda row: row.org_type,
    'sector': lambda row: row.sector,
    'admin1': lambda row: row.adm1_name or row.adm1_code,
    'admin2': lambda row: row.adm2_name or row.adm2_code,
    'period': lambda row: row.period,
}


@dataclass(frozen=True)
class Matrix:
    """Counts by ``rows`` x ``columns`` (labels sorted), with totals; ``heat()`` is a cell's share of the largest."""

    row_dimension: str
    column_dimension: str
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], int]
    row_totals: dict[str, int]
    column_totals: dict[str, int]
    total: int

    def count(self, row: str, column: str) -> int:
        return self.cells.get((row, column), 0)

    def heat(self, row: str, column: str) -> float:
        """0 for an empty cell, 1 for the largest; a heat table's shade."""
        largest = max(self.cells.values(), default=0)
        return self.count(row, column) / largest if largest else 0.0


def filter_rows(rows: Iterable, **wanted: str) -> list:
    """The rows whose dimensions have the wanted values (``sector='Protection'``); empty values filter nothing."""
    tests = [(DIMENSIONS[name], value) for name, value in wanted.items() if value]
    return [row for row in rows if all(read(row) == value for read, value in tests)]


def build(rows: Iterable, row_dimension: str = 'organisation', column_dimension: str = 'sector') -> Matrix:
    """Count ``rows`` by two of ``DIMENSIONS``; a row without a value counts under ''."""
    read_row, read_column = DIMENSIONS[row_dimension], DIMENSIONS[column_dimension]
    return from_counts(row_dimension, column_dimension, Counter((read_row(row), read_column(row)) for row in rows))


def from_counts(
    row_dimension: str,
    column_dimension: str,
    cells: Mapping[tuple[str, str], int],
    row_totals: Mapping[str, int] | None = None,
    column_totals: Mapping[str, int] | None = None,
    total: int | None = None,
) -> Matrix:
    """The matrix of counts already made (by a database); the totals are the sums of the cells unless given (a
    record counted in two cells, an activity in two areas, is counted once in a total given by the database)."""
    sums_row, sums_column = Counter(), Counter()
    for (row, column), count in cells.items():
        sums_row[row] += count
        sums_column[column] += count
    row_totals = dict(row_totals) if row_totals is not None else dict(sums_row)
    column_totals = dict(column_totals) if column_totals is not None else dict(sums_column)
    return Matrix(
        row_dimension,
        column_dimension,
        sorted(sums_row, key=lambda label: (-row_totals.get(label, 0), label)),
        sorted(sums_column, key=lambda label: (-column_totals.get(label, 0), label)),
        dict(cells),
        row_totals,
        column_totals,
        sum(cells.values()) if total is None else total,
    )


def drill(rows: Iterable, matrix: Matrix, row: str, column: str) -> list:
    """The rows counted in one cell of ``matrix`` (a label may be '', for rows without a value)."""
    read_row, read_column = DIMENSIONS[matrix.row_dimension], DIMENSIONS[matrix.column_dimension]
    return [item for item in rows if read_row(item) == row and read_column(item) == column]
