"""The risk matrix (plain Python): likelihood x impact suggests the overall risk; another choice needs a reason."""

import pytest

from ssrhub.safeguards import risk


@pytest.mark.parametrize(
    ('likelihood', 'impact', 'expected'),
    [
        (1, 1, 1),
        (1, 2, 1),
        (2, 2, 2),
        (1, 4, 2),
        (2, 3, 3),
        (2, 4, 3),
        (3, 3, 4),
        (4, 4, 4),
        (None, 2, None),
        (2, 0, None),
    ],
)
def test_suggested_risk(likelihood, impact, expected):
    assert risk.suggested_risk(likelihood, impact) == expected


def test_another_overall_risk_needs_a_reason():
    assert risk.needs_reason(2, 3, 4)
    assert not risk.needs_reason(2, 3, 3)
    assert not risk.needs_reason(None, 3, 4)  # nothing to depart from yet
    assert not risk.needs_reason(2, 3, None)


def test_the_matrix_is_symmetric_and_rises_with_each_axis():
    grid = risk.matrix()
    assert grid[0] == [2, 3, 4, 4]  # likelihood 4, impact 1..4
    assert grid[-1] == [1, 1, 2, 2]  # likelihood 1
    for row in grid:
        assert row == sorted(row)
