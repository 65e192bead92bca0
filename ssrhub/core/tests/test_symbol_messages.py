"""Why a symbol is refused, in the user's language: `SymbolError` codes and parameters turned into sentences by the
form field that every form, the admin and the API share."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from ssrhub.core.fields import UNSymbolField
from ssrhub.core.symbols import SymbolError, parse_symbol
from ssrhub.core.symbols.errors import REASONS

NB = '\u00a0'

# Input, English sentence, French sentence: one per kind of mistake an editor makes when typing a symbol.
MESSAGES = [
    (
        'S/RES/',
        "'S/RES/' is not a valid UN document symbol: the resolution number is missing after 'S/RES'.",
        f'«{NB}S/RES/{NB}» n’est pas une cote ONU valide{NB}: le numéro de résolution manque après «{NB}S/RES{NB}».',
    ),
    (
        'S/RES/21x1',
        "'S/RES/21x1' is not a valid UN document symbol: the resolution number '21x1' must be digits.",
        f'«{NB}S/RES/21x1{NB}» n’est pas une cote ONU valide{NB}: '
        f'le numéro de résolution «{NB}21x1{NB}» doit être composé de chiffres.',
    ),
    (
        'S/RES/2151 (2014',
        "'S/RES/2151 (2014' is not a valid UN document symbol: the parenthesis after 'S/RES/2151' is not closed.",
        f'«{NB}S/RES/2151 (2014{NB}» n’est pas une cote ONU valide{NB}: '
        f'la parenthèse qui suit «{NB}S/RES/2151{NB}» n’est pas fermée.',
    ),
    (
        'S/2013/480/',
        "'S/2013/480/' is not a valid UN document symbol: it ends with a stray slash after 'S/2013/480'.",
        f'«{NB}S/2013/480/{NB}» n’est pas une cote ONU valide{NB}: '
        f'elle se termine par une barre oblique superflue après «{NB}S/2013/480{NB}».',
    ),
    (
        'S/RES/2151#',
        "'S/RES/2151#' is not a valid UN document symbol: it contains the character '#', which cannot appear in a "
        'symbol.',
        f'«{NB}S/RES/2151#{NB}» n’est pas une cote ONU valide{NB}: '
        f'elle contient le caractère «{NB}#{NB}», qui ne peut pas figurer dans une cote.',
    ),
    (
        'Q/2013/480',
        "'Q/2013/480' is not a valid UN document symbol: unknown body 'Q': a symbol starts with A, E, S, ST or T.",
        f'«{NB}Q/2013/480{NB}» n’est pas une cote ONU valide{NB}: '
        f'organe inconnu «{NB}Q{NB}»{NB}: une cote commence par A, E, S, ST ou T.',
    ),
    (
        'S/RES/804 (1992)',
        "'S/RES/804 (1992)' is not a valid UN document symbol: resolution 804 was adopted in 1993, not 1992.",
        f'«{NB}S/RES/804 (1992){NB}» n’est pas une cote ONU valide{NB}: '
        'la résolution 804 a été adoptée en 1993, et non en 1992.',
    ),
    (
        'S/PRST/1',
        "'S/PRST/1' is not a valid UN document symbol: the year is missing: presidential statements read "
        "'S/PRST/<year>/<number>'.",
        f'«{NB}S/PRST/1{NB}» n’est pas une cote ONU valide{NB}: '
        f'l’année manque{NB}: les déclarations présidentielles s’écrivent «{NB}S/PRST/<année>/<numéro>{NB}».',
    ),
]


def _field_error(value: str) -> ValidationError:
    field = UNSymbolField().formfield()
    assert isinstance(field, forms.CharField)
    with pytest.raises(ValidationError) as caught:
        field.clean(value)
    return caught.value


@pytest.mark.parametrize(('text', 'english', 'french'), MESSAGES)
def test_form_field_explains_a_bad_symbol_in_the_user_language(text, english, french):
    with translation.override('en'):
        error = _field_error(text)
    assert error.messages == [english]
    assert error.error_list[0].code == 'invalid_symbol'
    with translation.override('fr'):
        assert _field_error(text).messages == [french]
    # The command line and the logs keep the English sentence.
    with translation.override('fr'), pytest.raises(SymbolError) as caught:
        parse_symbol(text)
    assert str(caught.value) == english


def test_error_carries_a_stable_code_and_its_parameters():
    with pytest.raises(SymbolError) as caught:
        parse_symbol('S/RES/')
    error = caught.value
    assert (error.code, error.params) == ('number_missing_after', {'kind': 'resolution', 'prefix': 'S/RES'})
    assert error.reason == "the resolution number is missing after 'S/RES'"


def test_every_reason_has_a_french_translation():
    with translation.override('fr'):
        untranslated = [message for message in REASONS.values() if translation.gettext(message) == message]
    assert untranslated == []


def test_unknown_code_is_a_programming_error():
    with pytest.raises(KeyError, match='no_such_code'):
        SymbolError('S/1', 'no_such_code')
