"""Parse, validate and normalise United Nations document symbols.

One parser serves every place where a symbol is typed in or read from a document, so that
``S/RES/2151(2014)``, ``s/res/2151 (2014)`` and ``S / RES / 2151 (2014)`` all become
``S/RES/2151 (2014)``, and a malformed symbol is rejected with a message that names the problem.

A symbol is one or more parts joined by a dash (``A/62/659-S/2008/39``). Each part reads
``body[/marker][/session-or-year]/number[/suffix...]``:

* body: a principal organ (``S``, ``A``, ``E``, ``ST``, ``T``) and its sub-bodies (``A/HRC``, ``A/C.5``, ``E/CN.4``);
* marker: ``RES``, ``PRST``, ``DEC`` or ``Agenda``, which gives the document type;
* session or year: ``62`` in ``A/62/659`` (a session), ``2013`` in ``S/2013/480`` (a year), ``ES-10`` (a session);
* number: digits, or a series and digits (``PV.7161``, ``L.5``, ``SR.3``);
* suffixes: ``Add.1``, ``Corr.1``, ``Rev.2``, ``Amend.1``.

Security Council resolutions carry their year in parentheses (``S/RES/2151 (2014)``) and General Assembly
resolutions of sessions 1 to 30 their session in roman numerals (``A/RES/2625(XXV)``).

The package is pure Python: it imports nothing from Django so that importers, management commands and
the document pipeline can use it directly.

The package splits by seam: `constants` (the grammar's tables), `model` (the parsed form), `errors`
(`SymbolError`: a code and parameters, in English or through a translation function), `parsing` and `finding`
(symbols in running text).
"""

from __future__ import annotations

from .constants import PRINCIPAL_BODIES
from .errors import SymbolError
from .finding import find_symbol_matches, find_symbols
from .model import DocType, SessionKind, SymbolMatch, SymbolPart, UNSymbol
from .parsing import is_valid_symbol, normalise_symbol, parse_symbol

__all__ = [
    'PRINCIPAL_BODIES',
    'DocType',
    'SessionKind',
    'SymbolError',
    'SymbolMatch',
    'SymbolPart',
    'UNSymbol',
    'find_symbol_matches',
    'find_symbols',
    'is_valid_symbol',
    'normalise_symbol',
    'parse_symbol',
]
