"""Where a UN document symbol links: the page of the document stored in ssrhub when the user may open it, else the
document on the UN's Official Document System through undocs.org (in French when the page is in French).

Apps that store documents register a finder (``register_symbol_finder``) from a higher layer, so that core, which
prints symbols in citations, knows no app above it.
"""

from urllib.parse import quote

from .i18n import get_language_code
from .symbols import SymbolError, normalise_symbol

__all__ = ['register_symbol_finder', 'symbol_url', 'undocs_url']

UNDOCS = 'https://undocs.org/'
# undocs.org serves the other official languages under a prefix; English is its default.
UNDOCS_LANGUAGES = {'fr'}

_finders = []


def register_symbol_finder(finder):
    """``finder(symbol, user)`` returns the URL of the stored document with this canonical symbol that ``user`` may
    open, or None."""
    _finders.append(finder)
    return finder


def undocs_url(symbol: str) -> str:
    """``S/RES/2151 (2014)`` -> ``https://undocs.org/S/RES/2151(2014)`` (``/fr/S/RES/...`` in French)."""
    language = get_language_code()
    prefix = f'{language}/' if language in UNDOCS_LANGUAGES else ''
    return UNDOCS + prefix + quote(symbol.replace(' ', ''), safe='/()')


def symbol_url(symbol: str, user=None) -> str | None:
    """The link of ``symbol`` for ``user``; None when the text is not a valid UN symbol."""
    try:
        canonical = normalise_symbol(symbol)
    except SymbolError:
        return None
    for finder in _finders:
        if url := finder(canonical, user):
            return url
    return undocs_url(canonical)
