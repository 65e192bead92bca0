"""The risk matrix of a due-diligence assessment (plain Python): likelihood times impact suggests the overall risk.

Levels run from 1 (low) to 4 (very high), as ``safeguards.models.Level``. The product of likelihood and impact falls
in one of four bands; the assessors may choose another overall risk, but then they must say why (``needs_reason``).
"""

LOW, MEDIUM, HIGH, VERY_HIGH = 1, 2, 3, 4
LEVELS = (LOW, MEDIUM, HIGH, VERY_HIGH)

# Upper bound of the product of likelihood and impact for each level, lowest first.
BANDS = ((2, LOW), (4, MEDIUM), (8, HIGH), (16, VERY_HIGH))

__all__ = ['BANDS', 'HIGH', 'LEVELS', 'LOW', 'MEDIUM', 'VERY_HIGH', 'matrix', 'needs_reason', 'suggested_risk']


def suggested_risk(likelihood: int | None, impact: int | None) -> int | None:
    """The overall risk the matrix suggests, or None while likelihood or impact is unknown."""
    if likelihood not in LEVELS or impact not in LEVELS:
        return None
    score = likelihood * impact
    return next(level for bound, level in BANDS if score <= bound)


def needs_reason(likelihood: int | None, impact: int | None, overall: int | None) -> bool:
    """Whether the chosen overall risk departs from the matrix's suggestion, and so needs the assessors' reason."""
    suggestion = suggested_risk(likelihood, impact)
    return overall is not None and suggestion is not None and overall != suggestion


def matrix() -> list[list[int]]:
    """The whole matrix, impact across and likelihood down, highest likelihood first (as it is usually drawn)."""
    return [[suggested_risk(likelihood, impact) for impact in LEVELS] for likelihood in reversed(LEVELS)]
