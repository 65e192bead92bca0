"""`SymbolError`: why a text is not a valid symbol, as a stable code with parameters and an English sentence.

The sentences are gettext message ids: the Django layer passes ``gettext`` to `SymbolError.message` to show them in
the user's language (``core.fields``); ``str(error)`` is the English sentence, for the command line and logs.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ['NUMBER_LABELS', 'REASONS', 'SymbolError']


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the translation catalogue (``makemessages`` reads this name) without translating it."""
    return message


def _untranslated(message: str) -> str:
    return message


SENTENCE = gettext_noop("'%(symbol)s' is not a valid UN document symbol: %(reason)s.")
LIST_END = gettext_noop('%(items)s or %(last)s')

NUMBER_LABELS = {
    'document': gettext_noop('document number'),
    'decision': gettext_noop('decision number'),
    'meeting': gettext_noop('meeting number'),
    'resolution': gettext_noop('resolution number'),
    'statement': gettext_noop('statement number'),
}

# One lower-case clause per code, without a final full stop. ``%(label)s`` is the NUMBER_LABELS entry of the
# ``kind`` parameter; a tuple parameter is written as a list ('S, A or E').
REASONS = {
    'empty': gettext_noop('the input is empty'),
    'not_text': gettext_noop('expected text, not %(type)s'),
    'too_long': gettext_noop('it is longer than %(max_length)s characters'),
    'forbidden_character': gettext_noop("it contains the character '%(character)s', which cannot appear in a symbol"),
    'invisible_character': gettext_noop('it contains the character %(code_point)s, which cannot appear in a symbol'),
    'stray_dot': gettext_noop("it ends with a stray '.'"),
    'joint_missing_before': gettext_noop("there is no symbol before the dash that joins symbols ('-')"),
    'joint_missing_after': gettext_noop("there is no symbol after the dash that joins symbols ('-')"),
    'body_missing': gettext_noop("it must start with a body such as 'S/' or 'A/'"),
    'leading_slash': gettext_noop("it must start with a body such as 'S/' or 'A/', not a slash"),
    'stray_closing_parenthesis': gettext_noop("unexpected ')' in '%(path)s'"),
    'unexpected_text': gettext_noop("unexpected text '%(rest)s' after '%(path)s'"),
    'unclosed_parenthesis': gettext_noop("the parenthesis after '%(path)s' is not closed"),
    'empty_part': gettext_noop("it has an empty part between two slashes after '%(path)s'"),
    'stray_slash': gettext_noop("it ends with a stray slash after '%(path)s'"),
    'unknown_body': gettext_noop("unknown body '%(component)s': a symbol starts with %(bodies)s"),
    'marker_after_marker': gettext_noop("'%(component)s' cannot follow '%(marker)s'"),
    'sub_body_after_marker': gettext_noop("the sub-body '%(component)s' must come before '%(marker)s'"),
    'unknown_sub_body': gettext_noop("unknown sub-body '%(component)s' under '%(body)s'"),
    'unknown_main_committee': gettext_noop(
        "there is no Main Committee '%(component)s': the General Assembly has A/C.1 to A/C.6"
    ),
    'sub_body_number_not_positive': gettext_noop("the sub-body number in '%(component)s' must be positive"),
    'not_a_sub_body_of': gettext_noop("'%(component)s' is not a sub-body of '%(body)s'"),
    'sub_body_not_top_level': gettext_noop("'%(component)s' must follow '%(principal)s' directly, not '%(body)s'"),
    'sub_body_not_nested': gettext_noop("'%(component)s' must follow a sub-body, as in 'E/CN.4/Sub.2' or 'A/HRC/WG.6'"),
    'marker_not_used': gettext_noop("'%(marker)s' is not used under '%(body)s'"),
    'marker_out_of_place': gettext_noop("'%(component)s' must come right after the body"),
    'number_missing_before': gettext_noop("the %(label)s is missing before '%(suffix)s'"),
    'number_missing_after': gettext_noop("the %(label)s is missing after '%(prefix)s'"),
    'unexpected_component': gettext_noop("unexpected '%(component)s' after '%(path)s'"),
    'not_a_suffix': gettext_noop(
        "unexpected '%(component)s' after '%(path)s': only suffixes such as Add.1, Corr.1 or Rev.1 follow"
    ),
    'suffix_not_positive': gettext_noop("the suffix '%(component)s' must have a positive number"),
    'number_not_digits': gettext_noop("the %(label)s '%(component)s' must be digits"),
    'unknown_series': gettext_noop("unknown series '%(series)s.' in '%(component)s' (known: %(known)s)"),
    'number_not_positive': gettext_noop("the %(label)s '%(component)s' must be a positive number"),
    'resolution_year_in_path': gettext_noop(
        "a Security Council resolution carries its year in parentheses, as in 'S/RES/%(number)s (%(year)s)'"
    ),
    'special_session_outside_ga': gettext_noop("special sessions such as '%(component)s' exist only under 'A'"),
    'special_session_not_positive': gettext_noop("the special session number in '%(component)s' must be positive"),
    'year_not_digits': gettext_noop("the year '%(component)s' must be digits"),
    'session_or_year_not_digits': gettext_noop("the session or year '%(component)s' must be digits"),
    'year_instead_of_session': gettext_noop("'%(prefix)s' takes a session number, not the year %(year)s"),
    'roman_session_required': gettext_noop(
        'General Assembly resolutions of sessions 1 to 30 give the session in roman numerals, '
        "as in 'A/RES/%(number)s(%(roman)s)'"
    ),
    'two_digit_year': gettext_noop(
        "'%(component)s' is a two-digit year, which is ambiguous: write the year in full, e.g. %(year)s"
    ),
    'year_not_four_digits': gettext_noop("the year '%(component)s' must have four digits"),
    'year_out_of_range': gettext_noop('the year %(year)s is out of range: documents date from %(first)s to %(last)s'),
    'resolution_year_out_of_range': gettext_noop(
        'the year %(year)s is out of range: Security Council resolutions date from %(first)s to %(last)s'
    ),
    'statement_year_out_of_range': gettext_noop(
        'the year %(year)s is out of range: presidential statements date from %(first)s to %(last)s'
    ),
    'session_out_of_range': gettext_noop('the session %(session)s is out of range: sessions run from 1 to %(last)s'),
    'year_in_parentheses_not_resolution': gettext_noop(
        "'(%(content)s)': only Security Council resolutions carry a year in parentheses after the number"
    ),
    'year_in_parentheses_not_digits': gettext_noop("the year in parentheses '(%(content)s)' must be four digits"),
    'roman_session_not_ga_resolution': gettext_noop(
        "'(%(content)s)': only General Assembly resolutions of sessions I to XXX carry a roman session"
    ),
    'unknown_roman_session': gettext_noop("'%(content)s' is not a roman session number from I to XXX"),
    'resolution_adopted_in': gettext_noop('resolution %(number)s was adopted in %(adopted)s, not %(year)s'),
    'resolution_adopted_later': gettext_noop(
        'resolution %(number)s was adopted in %(adopted)s or later, not in %(year)s'
    ),
    'resolution_adopted_earlier': gettext_noop(
        'resolution %(number)s was adopted in %(adopted)s or earlier, not in %(year)s'
    ),
    'statement_year_missing': gettext_noop(
        "the year is missing: presidential statements read 'S/PRST/<year>/<number>'"
    ),
    'session_missing': gettext_noop("the session is missing: resolutions read '%(body)s/RES/<session>/<number>'"),
}


class SymbolError(ValueError):
    """
    Raised when text is not a valid UN document symbol.

    Args:
        text: the input as given.
        code: what is wrong with it, a key of ``REASONS``.
        params: the values the reason quotes (text, numbers, or tuples of text for a list).
    """

    def __init__(self, text: object, code: str, **params: object):
        if code not in REASONS:
            raise KeyError(f'unknown symbol error code {code!r}')
        self.text = text
        self.code = code
        self.params = params
        super().__init__(self.message())

    @property
    def reason(self) -> str:
        """What is wrong, in English: a lower-case clause without a final full stop."""
        return self.describe(_untranslated)

    def describe(self, translate: Callable[[str], str]) -> str:
        """The reason as a clause in the language of ``translate`` (``gettext`` in the Django layer)."""
        values = {}
        for name, value in self.params.items():
            if name == 'kind':
                values['label'] = translate(NUMBER_LABELS[value])
            elif isinstance(value, tuple):
                values[name] = translate(LIST_END) % {'items': ', '.join(value[:-1]), 'last': value[-1]}
            else:
                values[name] = value
        return translate(REASONS[self.code]) % values

    def message(self, translate: Callable[[str], str] = _untranslated) -> str:
        """The whole sentence, quoting the input, in the language of ``translate``."""
        return translate(SENTENCE) % {'symbol': _shortened(self.text), 'reason': self.describe(translate)}


def _shortened(text: object) -> str:
    if not isinstance(text, str):
        return repr(text)
    return text[:77] + '...' if len(text) > 80 else text
