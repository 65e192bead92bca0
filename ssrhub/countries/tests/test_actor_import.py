"""The pure CSV reader and planner of the actor import (no database): the Central African security sector."""

import pytest

from ssrhub.countries.actor_import import (
    MAX_BYTES,
    MESSAGES,
    ImportFileError,
    StoredActor,
    StoredRelation,
    Vocabulary,
    decode,
    normalise_name,
    plan_import,
    read_table,
)

VOCABULARY = Vocabulary(
    areas={
        'core-security-actors': 'Core security actors',
        'justice': 'Justice',
        'management-oversight': 'Management and oversight',
        'non-state-actors': 'Non-state actors',
    },
    types={
        'defence': 'Armed forces',
        'police': 'Police',
        'gendarmerie': 'Gendarmerie',
        'executive': 'Executive and ministries',
        'legislature': 'Legislature',
        'courts': 'Courts and prosecution',
        'armed-group': 'Non-state armed group',
    },
    kinds={
        'oversees': 'oversees',
        'reports-to': 'reports to',
        'funds': 'funds',
        'trains': 'trains',
        'integrates-into': 'integrates into',
    },
    max_lengths={'name': 200, 'acronym': 40, 'source': 300, 'relation_note': 300},
)

ACTORS_CSV = """name,acronym,area,type,statutory,note,source
Forces armées centrafricaines,FACA,core-security-actors,defence,true,,Loi 17.020
Gendarmerie nationale,GN,Core security actors,Gendarmerie,,,
Ministère de la Défense nationale et de la Reconstruction de l'armée,MDNRA,management-oversight,executive,yes,,
Assemblée nationale,AN,Management and oversight,legislature,1,,
Unité pour la paix en Centrafrique,UPC,non-state-actors,armed-group,,Signatory of the 2019 Political Agreement,
"""

STORED = [
    StoredActor('Forces armées centrafricaines', 'FACA', 'core-security-actors', 'defence', True, '', 'Loi 17.020'),
    StoredActor('Police centrafricaine', 'PCA', 'core-security-actors', 'police', True, '', 'Workshop, Bangui 2019'),
]


def plan(text, actors=(), relations=(), encoding='utf-8', filename='car-actors.csv'):
    return plan_import(text.encode(encoding), VOCABULARY, actors, relations, filename=filename)


def codes(result):
    return [(issue.row, issue.code) for issue in result.errors]


def test_new_actors_are_created_with_the_file_name_as_source_and_values_normalised():
    result = plan(ACTORS_CSV)
    assert result.ok and result.rows == 5 and not result.update and not result.unchanged
    created = {change.values['name']: change.values for change in result.create}
    assert created['Gendarmerie nationale'] == {
        'name': 'Gendarmerie nationale',
        'name_fr': '',
        'acronym': 'GN',
        'area': 'core-security-actors',  # English label read as its value
        'type': 'gendarmerie',  # case does not matter
        'statutory': True,  # empty: statutory unless non-state
        'note': '',
        'source': 'car-actors.csv',
    }
    assert created['Forces armées centrafricaines']['source'] == 'Loi 17.020'  # a source cell wins
    assert created['Unité pour la paix en Centrafrique']['statutory'] is False  # empty and non-state
    assert [change.row for change in result.create] == [2, 3, 4, 5, 6]


def test_stored_actors_are_matched_by_name_and_only_real_differences_are_updates():
    text = (
        'name,acronym,area,type,statutory,source\n'
        'forces  armées CENTRAFRICAINES,FACA,core-security-actors,defence,true,\n'  # matches, source kept
        'Police centrafricaine,PCA,core-security-actors,gendarmerie,true,\n'  # type changes
    )
    result = plan(text, STORED)
    assert result.ok and not result.create
    assert [change.values['name'] for change in result.update] == [
        'forces armées CENTRAFRICAINES',
        'Police centrafricaine',
    ]
    renamed, retyped = result.update
    assert renamed.changes == {'name': ('Forces armées centrafricaines', 'forces armées CENTRAFRICAINES')}
    assert renamed.values['source'] == 'Loi 17.020'
    assert retyped.changes == {'type': ('police', 'gendarmerie')}
    again = plan('name,area,type\nPolice centrafricaine,core-security-actors,police\n', STORED)
    assert again.ok and len(again.unchanged) == 1 and not again.has_changes  # absent columns keep stored values


def test_byte_order_mark_semicolons_and_formula_guard_are_read():
    text = '\ufeffName;Acronym;Area;Type\n"\'-Comité; RSS";;management-oversight;executive\n'
    columns, rows = read_table(decode(text.encode('utf-8')))
    assert columns == ['name', 'acronym', 'area', 'type']
    assert rows == [(2, {'name': '-Comité; RSS', 'acronym': '', 'area': 'management-oversight', 'type': 'executive'})]


def test_relations_name_actors_of_the_file_or_stored_by_name_or_unique_acronym():
    text = (
        'record,name,acronym,area,type,actor,relation,other_actor,note\n'
        'actor,Ministère de la Défense nationale,MDNRA,management-oversight,executive,,,,\n'
        'relation,,,,,MDNRA,oversees,FACA,Décret 2017\n'
        'relation,,,,,Assemblée nationale,oversees,MDNRA,\n'  # unknown actor
        'relation,,,,,Police centrafricaine,reports to,ministère de la défense nationale,\n'  # label, case
        'relation,,,,,FACA,commands,PCA,\n'  # unknown relation
        'relation,,,,,FACA,trains,FACA,\n'  # itself
        'relation,,,,,MDNRA,oversees,Forces armées centrafricaines,\n'  # duplicate of row 3
        'member,,,,,,,,\n'
    )
    result = plan(text, STORED)
    assert codes(result) == [
        (4, 'unknown-actor'),
        (6, 'unknown-relation'),
        (7, 'self-relation'),
        (8, 'duplicate-relation'),
        (9, 'unknown-record'),
    ]
    assert result.errors[0].params == {'value': 'Assemblée nationale', 'column': 'actor'}
    created = [(c.record, c.label) for c in result.create]
    assert created == [
        ('actor', 'Ministère de la Défense nationale'),
        ('relation', 'Ministère de la Défense nationale oversees Forces armées centrafricaines'),
        ('relation', 'Police centrafricaine reports-to Ministère de la Défense nationale'),
    ]
    assert result.create[1].values['note'] == 'Décret 2017'


def test_stored_relations_are_unchanged_or_updated():
    relations = [StoredRelation('Forces armées centrafricaines', 'reports-to', 'Police centrafricaine', 'x', 'old')]
    text = 'actor,relation,other_actor\nFACA,reports-to,PCA\n'
    assert len(plan(text, STORED, relations).unchanged) == 1
    result = plan('actor,relation,other_actor,note\nFACA,reports-to,PCA,y\n', STORED, relations)
    assert result.update[0].changes == {'note': ('x', 'y')} and result.update[0].values['source'] == 'old'


def test_row_errors_carry_row_numbers_and_messages():
    text = (
        'name,acronym,area,type,statutory\n'
        'Forces armées centrafricaines,FACA,core-security-actors,defence,true\n'
        ',X,core-security-actors,defence,\n'
        'Armée,,army,defence,\n'
        '3R,,non-state-actors,militia,\n'
        'Retour Réclamation Réhabilitation,3R,non-state-actors,armed-group,true\n'
        'Gendarmerie,,core-security-actors,gendarmerie,maybe\n'
        'FORCES ARMÉES CENTRAFRICAINES,FACA,core-security-actors,defence,true\n'
        f'{"N" * 201},,justice,courts,\n'
    )
    result = plan(text)
    assert codes(result) == [
        (3, 'required'),
        (4, 'unknown-area'),
        (5, 'unknown-type'),
        (6, 'non-state-statutory'),
        (7, 'bad-boolean'),
        (8, 'duplicate-actor'),
        (9, 'too-long'),
    ]
    assert [change.row for change in result.create] == [2]
    assert result.errors[5].message() == 'The actor "FORCES ARMÉES CENTRAFRICAINES" is already on row 2.'
    assert all(issue.code in MESSAGES for issue in result.errors)


@pytest.mark.parametrize(
    ('data', 'code'),
    [
        (b'', 'empty'),
        ('name,area,type\nArmée,core-security-actors,defence\n'.encode('latin-1'), 'encoding'),
        ('nom,domaine\nFACA,défense\n'.encode(), 'no-known-columns'),
        (b'name,acronym\nFACA,FACA\n', 'missing-columns'),
        (b'name,area,type\n', 'no-rows'),
        (b'name,Name,area,type\nx,x,justice,courts\n', 'duplicate-columns'),
        (b'name,area,type\n"unterminated,justice,courts\n', 'bad-csv'),
        (b'x' * (MAX_BYTES + 1), 'too-large'),
    ],
)
def test_file_errors(data, code):
    with pytest.raises(ImportFileError) as raised:
        plan_import(data, VOCABULARY)
    assert raised.value.issue.code == code
    assert str(raised.value) == raised.value.issue.message()


def test_encoding_error_names_the_line():
    data = b'name,area,type\nFACA,core-security-actors,defence\n' + 'Ministère,justice,courts\n'.encode('cp1252')
    with pytest.raises(ImportFileError) as raised:
        decode(data)
    assert raised.value.issue.params == {'line': 3}


def test_missing_columns_are_named():
    with pytest.raises(ImportFileError) as raised:
        plan_import(b'name,acronym\nFACA,FACA\n', VOCABULARY)
    assert raised.value.issue.params == {'columns': 'area, type'}


def test_export_only_columns_are_ignored_silently_and_others_reported():
    text = 'name,area,type,area_label,latest_headcount,colour\nFACA,core-security-actors,defence,Core,9400,green\n'
    result = plan(text)
    assert result.ok and result.ignored_columns == ['colour']


def test_the_digest_follows_what_would_be_written():
    first, same = plan(ACTORS_CSV), plan(ACTORS_CSV)
    assert first.digest() == same.digest()
    assert plan(ACTORS_CSV.replace('Loi 17.020', 'Loi 17.021')).digest() != first.digest()


def test_names_compare_without_case_or_extra_spaces():
    assert normalise_name('  Forces   armées\tCentrafricaines ') == normalise_name('forces armées centrafricaines')


def test_the_french_name_is_read_and_left_alone_when_its_column_is_absent():
    faca = 'Central African Armed Forces'
    created = plan(f'name,name_fr,area,type\n{faca},Forces armées centrafricaines,core-security-actors,defence\n')
    assert (created.create[0].values['name'], created.create[0].values['name_fr']) == (
        faca,
        'Forces armées centrafricaines',
    )
    stored = [StoredActor(faca, 'FACA', 'core-security-actors', 'defence', name_fr='Forces armées')]
    without = plan(f'name,area,type\n{faca},core-security-actors,defence\n', actors=stored)
    assert without.unchanged and not without.update
    cleared = plan(f'name,name_fr,area,type\n{faca},,core-security-actors,defence\n', actors=stored)
    assert cleared.update[0].changes == {'name_fr': ('Forces armées', '')}
