"""Whether a file may become a new version of a known document: the symbols that its text, its file name and the
person uploading it give must agree (docs/operations.md, "Document versions and symbol conflicts").

Plain Python: no Django import.
"""

from dataclasses import dataclass

__all__ = ['FILENAME', 'STATED', 'TEXT', 'SymbolSources']

# Where a symbol was seen.
TEXT, FILENAME, STATED = 'text', 'filename', 'stated'


@dataclass(frozen=True)
class SymbolSources:
    """The canonical symbols each source gives ('' when it gives none)."""

    text: str = ''
    filename: str = ''
    stated: str = ''

    def seen(self) -> dict[str, str]:
        """The sources that give a symbol, with it."""
        given = ((TEXT, self.text), (FILENAME, self.filename), (STATED, self.stated))
        return {where: symbol for where, symbol in given if symbol}

    @property
    def agree(self) -> bool:
        return len(set(self.seen().values())) <= 1

    @property
    def symbol(self) -> str:
        """The one symbol every source that gives one gives; '' when none does or they disagree."""
        symbols = set(self.seen().values())
        return symbols.pop() if len(symbols) == 1 else ''

    @property
    def confirm_version(self) -> bool:
        """Whether a changed file may become a new version of the document known by :attr:`symbol`: its text must
        print the symbol in its heading (a file name or a stated symbol alone does not make a text that document),
        and every other source must agree."""
        return bool(self.text) and self.agree
