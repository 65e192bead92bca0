"""Finance: exchange rates entered or imported by people, and the reviews of possible duplication in a plan's funding.
The totals themselves are computed (``funding.py``), never stored."""

from .rates import ExchangeRate
from .reviews import DuplicationReview, ReviewDecision

__all__ = ['DuplicationReview', 'ExchangeRate', 'ReviewDecision']
