"""Folding, query terms, highlights, snippets and close spellings (plain Python)."""

from hypothesis import given
from hypothesis import strategies as st

from ssrhub.core.textsearch import (
    _fold_unicode,
    best_text,
    close_words,
    fold,
    highlight,
    replace_words,
    search_terms,
    snippet,
    spelling_alternatives,
)


def test_fold_drops_accents_and_case_and_spells_letters_as_unaccent_does():
    assert fold('Côte d’Ivoire') == "cote d'ivoire"
    assert fold('SÉCURITÉ') == 'securite'
    assert fold('Œuvre Straße Øresund Łódź') == 'oeuvre strasse oresund lodz'
    assert fold('plain ascii') == 'plain ascii'


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(st.characters(max_codepoint=127)))
def test_fold_of_ascii_text_takes_a_short_cut_to_the_same_result(text):
    assert fold(text) == _fold_unicode(text)


def test_search_terms_keep_quoted_phrases_whole():
    assert search_terms('"Réforme du secteur" sécurité') == ['reforme du secteur', 'securite']
    assert search_terms("cote d'ivoire") == ['cote', "d'ivoire"]
    assert search_terms('*** ( )') == []
    assert len(search_terms(' '.join(f'word{n}' for n in range(40)))) == 12


def test_highlight_marks_words_whatever_their_accents():
    segments = highlight('La réforme du secteur de la sécurité', search_terms('securite reforme'))
    assert [part for part, matched in segments if matched] == ['réforme', 'sécurité']
    assert highlight('la réforme du secteur', ['reforme', 'du']) == [
        ('la ', False),
        ('réforme du', True),
        (' secteur', False),
    ]
    assert ''.join(part for part, _ in segments) == 'La réforme du secteur de la sécurité'
    # A term marks the start of a word only: "la" is not marked inside "declaration".
    assert [part for part, matched in highlight('la declaration', ['la']) if matched] == ['la']


def test_a_match_runs_to_the_end_of_its_word():
    assert [part for part, matched in highlight('la réforme, les réformes', ['reform']) if matched] == [
        'réforme',
        'réformes',
    ]


def test_best_text_is_the_one_holding_the_most_words_searched():
    french, english = 'La réforme du secteur de la sécurité', 'Security sector reform'
    assert best_text([french, english, ''], search_terms('security sector reform')) == english
    assert best_text([french, english], search_terms('réforme sécurité')) == french
    assert best_text([french, english], ['nothing']) == french
    assert best_text(['', ''], ['x']) == ''


def test_highlight_keeps_the_original_text_around_expanding_letters():
    segments = highlight('Œuvre et sécurité', ['oeuvre'])
    assert segments == [('Œuvre', True), (' et sécurité', False)]


def test_snippet_cuts_around_the_first_match_at_spaces():
    text = ' '.join(['filler'] * 80) + ' the security sector reform process ' + ' '.join(['tail'] * 80)
    cut = snippet(text, ['reform'], length=120)
    assert cut.startswith('…') and cut.endswith('…')
    assert 'security sector reform' in cut and len(cut) <= 122
    assert snippet('short text', ['x']) == 'short text'


def test_close_words_from_the_index():
    vocabulary = {'security', 'sector', 'secretary', 'reform', 'police'}
    assert close_words('securty', vocabulary)[0] == 'security'
    assert close_words('Sécurité', vocabulary)[0] == 'security'
    assert close_words('elephant', vocabulary) == []


def test_spelling_alternatives_replace_unknown_words_and_drop_hopeless_ones():
    vocabulary = {'security', 'sector', 'reform', 'of', 'the'}
    assert spelling_alternatives('réforme du secteur de la sécurité', vocabulary)[0] == 'reform sector security'
    assert spelling_alternatives('security sector', vocabulary) == []
    assert spelling_alternatives('"securty sectr"', vocabulary)[0] == '"security sector"'
    assert replace_words('a "b" c', {'b': ''}) == 'a c'
