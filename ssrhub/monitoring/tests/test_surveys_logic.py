"""The surveys' plain-Python logic, without a database: the XLSForm reader on the real form and on forms pyxform
refuses, the expression subset, the Kobo/ODK Central reader, the web form's checks and the formulas."""

import io

import pytest
from openpyxl import Workbook

from ssrhub.monitoring import formula, survey_import, webform, xpath_subset
from ssrhub.monitoring.xlsform import FormError, read_form

from .survey_files import KOBO_VERSION, form_bytes, kobo_csv, kobo_xlsx, odk_zip, require_java


@pytest.fixture(scope='module')
def form():
    return read_form(form_bytes(), validate=False)


@pytest.fixture(scope='module')
def layout(form):
    return survey_import.Layout.of(form.questions, form.choices)


def xlsx(survey: list[list[str]], choices: list[list[str]] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = 'survey'
    for row in survey:
        sheet.append(row)
    if choices:
        other = workbook.create_sheet('choices')
        for row in choices:
            other.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Section: the XLSForm


def test_the_public_trust_form_converts_and_validates_with_odk_validate():
    require_java()
    read = read_form(form_bytes())
    assert read.validated is True
    assert (read.form_id, read.version) == ('ssr_public_trust', '2026.1')
    assert 'id="ssr_public_trust"' in read.xform and 'version="2026.1"' in read.xform
    assert read.languages == ['en', 'fr']
    assert read.web_form and read.unsupported == []
    assert read.identifying == ['respondent_phone']
    assert {'type:begin_repeat', 'type:select_multiple', 'column:relevant', 'column:constraint'} <= set(read.features)


def test_the_form_tree_keeps_groups_repeats_and_both_languages(form):
    groups = [q['name'] for q in form.questions if q['type'] == 'group']
    assert groups == ['respondent', 'trust', 'experience']
    experience = form.questions[[q['name'] for q in form.questions].index('experience')]
    repeat = next(q for q in experience['children'] if q['type'] == 'repeat')
    assert repeat['name'] == 'incidents' and repeat['relevant'] == "${victim} = 'yes'"
    police = next(q for q in form.questions[4]['children'] if q['name'] == 'trust_police')
    assert police['label'] == {'en': 'The police', 'fr': 'La police'}
    assert [c['name'] for c in form.choices['trust']] == ['0', '1', '2', '3', '8', '9']


def test_pyxform_refusal_names_its_row():
    data = xlsx(
        [
            ['type', 'name', 'label', 'relevant'],
            ['text', 'q1', 'Q1', ''],
            ['integer', 'q2', 'Q2', '${q3} > 1'],
        ]
    )
    with pytest.raises(FormError) as caught:
        read_form(data, validate=False)
    assert caught.value.code == 'pyxform'
    assert caught.value.params['row'] == 3
    assert caught.value.params['sheet'] == 'survey'
    assert "Could not find the name 'q3'" in caught.value.params['message']
    assert '[row' not in caught.value.params['message']


def test_an_unmatched_group_is_refused_on_its_row():
    with pytest.raises(FormError) as caught:
        read_form(xlsx([['type', 'name', 'label'], ['text', 'a', 'A'], ['begin_group', 'g', 'G']]), validate=False)
    assert caught.value.params['row'] == 3 and 'end_group' in caught.value.params['message']


def test_a_name_used_twice_in_two_groups_is_refused():
    rows = [
        ['type', 'name', 'label'],
        ['begin_group', 'a', 'A'],
        ['text', 'age', 'Age'],
        ['end_group', 'a', ''],
        ['begin_group', 'b', 'B'],
        ['text', 'age', 'Age'],
        ['end_group', 'b', ''],
    ]
    with pytest.raises(FormError) as caught:
        read_form(xlsx(rows), validate=False)
    assert caught.value.code == 'duplicate-name' and caught.value.params == {'name': 'age', 'row': 6, 'first': 3}


def test_features_outside_the_subset_are_listed_with_their_rows():
    rows = [
        ['type', 'name', 'label', 'calculation', 'relevant', 'choice_filter'],
        ['integer', 'age', 'Age', '', '', ''],
        ['calculate', 'decade', '', 'int(${age} div 10)', '', ''],
        ['geopoint', 'where', 'Where', '', '', ''],
        ['text', 'why', 'Why', '', "${age} > 17 and today() > '2020-01-01'", ''],
        ['select_one yn', 'ok', 'OK', '', '', "name != 'x'"],
    ]
    read = read_form(xlsx(rows, [['list_name', 'name', 'label'], ['yn', 'yes', 'Yes'], ['yn', 'no', 'No']]),
                     validate=False)  # fmt: skip
    assert not read.web_form
    found = {(item['feature'], item['row']) for item in read.unsupported}
    assert found == {
        ('type:calculate', 3),
        ('column:calculation', 3),
        ('type:geopoint', 4),
        ('expression:relevant', 5),
        ('column:choice_filter', 6),
    }
    assert read.identifying == ['where']  # a geopoint identifies by default


def test_identifying_column_overrides_the_default():
    rows = [['type', 'name', 'label', 'identifying'], ['geopoint', 'where', 'Where', 'no'], ['text', 'n', 'N', 'TRUE']]
    assert read_form(xlsx(rows), validate=False).identifying == ['n']


# Section: expressions


@pytest.mark.parametrize(
    ('expression', 'answers', 'current', 'expected'),
    [
        ("${a} = 'yes'", {'a': 'yes'}, None, True),
        ("${a} = 'yes'", {}, None, False),
        ("${a} != 'yes'", {}, None, True),
        ('. >= 1 and . <= 30', {}, '31', False),
        ('. >= 1 and . <= 30', {}, '30', True),
        ('. > 5', {}, '', False),
        ('${n} > 5 or ${m} < 2', {'n': '3', 'm': '1'}, None, True),
        ("not(selected(., 'nobody') and count-selected(.) > 1)", {}, 'nobody police', False),
        ("not(selected(., 'nobody') and count-selected(.) > 1)", {}, 'police chief', True),
        ('string-length(.) = 0 or string-length(.) >= 7', {}, '12345', False),
        ('string-length(.) = 0 or string-length(.) >= 7', {}, '', True),
        ('(${a} = 2)', {'a': '2.0'}, None, True),
        ('${a} = "x"', {'a': 'x'}, None, True),
        ('true()', {}, None, True),
    ],
)
def test_expressions_of_the_subset(expression, answers, current, expected):
    assert xpath_subset.truth(xpath_subset.parse(expression), answers, current) is expected


@pytest.mark.parametrize(
    ('expression', 'code'),
    [
        ("today() > '2020-01-01'", 'unsupported-function'),
        ('${a} + 1 > 2', 'unsupported-operator'),
        ('${a} div 2', 'unsupported-operator'),
        ('${a} = ', 'unclosed'),
        ('selected(${a})', 'arguments'),
        ('', 'empty'),
        ("${a} = 'x')", 'syntax'),
    ],
)
def test_expressions_outside_the_subset_are_refused(expression, code):
    with pytest.raises(xpath_subset.ExpressionError) as caught:
        xpath_subset.parse(expression)
    assert caught.value.code == code


# Section: answer files


def test_kobo_csv_is_read_with_group_paths_and_split_select_multiple_columns(layout):
    with survey_import.open_answers(kobo_csv(), 'export.csv') as answers:
        preview = answers.preview(layout, {'2026.1', KOBO_VERSION})
    assert preview.source == survey_import.KOBO and preview.issues == []
    assert preview.rows == 3 and preview.versions == {KOBO_VERSION: 3}
    first = preview.first[0]
    assert first.instance_id == '6b1f5c1e-8a55-4f7e-9d2a-3c1e0f8b2a11'
    assert first.answers['sex'] == 'female' and first.answers['report_channels'] == 'police chief'
    assert first.answers['household_size'] == '5'
    assert 'experience/report_channels/police' not in first.answers


def test_kobo_xlsx_keeps_repeats_joined_by_parent_index(layout):
    with survey_import.open_answers(kobo_xlsx(), 'export.xlsx') as answers:
        submissions = list(answers.submissions(layout))
    victims = [s for s in submissions if s.answers['victim'] == 'yes']
    assert len(submissions) == 3 and len(victims) == 1
    assert victims[0].answers['incidents'] == [
        {'incident_type': 'theft', 'incident_date': '2026-10-01', 'incident_reported': 'yes'},
        {'incident_type': 'assault', 'incident_date': '2026-10-01', 'incident_reported': 'no',
         'why_not_reported': 'fear'},
    ]  # fmt: skip
    assert all('incidents' not in s.answers for s in submissions if s.answers['victim'] == 'no')


def test_odk_central_zip_keeps_repeats_joined_by_parent_key(layout):
    with survey_import.open_answers(odk_zip(), 'ssr_public_trust.csv.zip', 'ssr_public_trust') as answers:
        preview = answers.preview(layout, {'2026.1'})
        submissions = list(answers.submissions(layout))
    assert preview.source == survey_import.ODK and preview.issues == []
    assert preview.versions == {'2026.1': 3} and preview.repeat_rows == 3
    assert submissions[0].instance_id == '5f0e9a52-7d33-4c1a-a5c2-6b0d4e1f9a01'
    assert [i['incident_type'] for i in submissions[0].answers['incidents']] == ['theft', 'assault']
    assert 'incidents' not in submissions[1].answers
    assert submissions[2].answers['incidents'][0]['why_not_reported'] == 'no_trust'


def test_an_unknown_column_is_an_issue_naming_it(layout):
    with survey_import.open_answers(odk_zip(extra_column='trust-trust_militia'), 'x.zip') as answers:
        preview = answers.preview(layout, {'2026.1'})
    assert [(i.code, i.params) for i in preview.issues] == [('unknown-columns', {'columns': 'trust-trust_militia'})]


def test_another_form_version_is_an_issue(layout):
    with survey_import.open_answers(kobo_csv(), 'export.csv') as answers:
        preview = answers.preview(layout, {'2026.1'})
    assert [(i.code, i.params['found']) for i in preview.issues] == [('version-mismatch', KOBO_VERSION)]


def test_repeat_rows_without_their_submission_are_issues(layout):
    data = odk_zip()
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        main = archive.read('ssr_public_trust.csv').decode().splitlines()
        repeat = archive.read('ssr_public_trust-incidents.csv').decode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        archive.writestr('ssr_public_trust.csv', '\n'.join(main[:2]) + '\n')  # the first submission only
        archive.writestr('ssr_public_trust-incidents.csv', repeat)
    with survey_import.open_answers(buffer.getvalue(), 'x.zip') as answers:
        preview = answers.preview(layout)
    assert [(i.code, i.row) for i in preview.issues] == [('orphan-repeat', 4)]


def test_bad_values_are_issues_with_their_rows(layout):
    text = kobo_csv().decode().replace('"montserrado";"5"', '"montserrado";"five"').replace('"nimba"', '"atlantis"')
    with survey_import.open_answers(text.encode(), 'export.csv') as answers:
        preview = answers.preview(layout)
    assert [(i.code, i.row, i.params['value']) for i in preview.issues] == [
        ('not-a-number', 2, 'five'),
        ('unknown-choice', 3, 'atlantis'),
    ]


def test_a_file_that_is_not_an_export_is_refused():
    with pytest.raises(survey_import.ImportError_) as caught:
        survey_import.open_answers(b'PK\x03\x04 not a zip', 'x.zip')
    assert caught.value.issue.code == 'unreadable'


# Section: the web form


def test_web_form_drops_answers_that_are_not_relevant_and_checks_constraints(form):
    posted = {
        'q-sex': ['female'],
        'q-household_size': ['40'],
        'q-contact_police': ['no'],
        'q-police_treatment': ['well'],
        'q-report_channels': ['nobody', 'police'],
        'q-victim': ['yes'],
        'r-incidents-1-incident_type': ['theft'],
        'r-incidents-1-incident_reported': ['no'],
        'r-incidents-1-why_not_reported': ['fear'],
    }
    answers = webform.read_answers(form.questions, lambda name: posted.get(name, []), {'incidents': 1})
    assert 'police_treatment' not in answers
    assert answers['incidents'] == [{'incident_type': 'theft', 'incident_reported': 'no', 'why_not_reported': 'fear'}]
    _items, problems = webform.layout(form.questions, form.choices, answers, {'incidents': 1}, 'fr', True)
    found = {problem.field: (problem.code, problem.message) for problem in problems}
    assert found['q-household_size'] == ('constraint', 'Entre 1 et 30 personnes.')
    assert found['q-report_channels'][0] == 'constraint'
    assert found['q-age_group'] == ('required', '')
    assert 'q-police_treatment' not in found


# Section: formulas


ANSWERS = [
    {'sex': 'female', 'trust_police': '3', 'age': '30', 'incidents': [{'incident_reported': 'yes'}]},
    {'sex': 'female', 'trust_police': '1', 'age': '40'},
    {'sex': 'male', 'trust_police': '2', 'age': 'x', 'incidents': [{'incident_reported': 'no'}] * 2},
    {'sex': 'male'},
    {'trust_police': '9'},
]


def test_percent_by_sex_counts_only_answered_rows_in_the_denominator():
    result = formula.compute(formula.parse_formula("percent(trust_police in ('2', '3')) by sex"), ANSWERS)
    assert (result.total.numerator, result.total.denominator, result.total.n) == (2, 4, 5)
    assert result.total.value == 50
    by = {group.group: (group.value, group.numerator, group.denominator, group.n) for group in result.groups}
    assert by == {('',): (0, 0, 1, 1), ('female',): (50, 1, 2, 2), ('male',): (100, 1, 1, 2)}


def test_mean_skips_non_numbers_and_a_zero_denominator_is_none():
    result = formula.compute(formula.parse_formula("mean(age) where sex = 'female'"), ANSWERS)
    assert (result.total.value, result.total.denominator, result.total.n) == (35, 2, 2)
    empty = formula.compute(formula.parse_formula("mean(age) where sex = 'other'"), ANSWERS)
    assert empty.total.value is None and empty.total.n == 0


def test_over_a_repeat_counts_its_items_with_their_submission_answers():
    result = formula.compute(formula.parse_formula("percent(incident_reported = 'yes') over incidents by sex"), ANSWERS)
    assert (result.total.numerator, result.total.denominator) == (1, 3)
    assert {g.group: g.n for g in result.groups} == {('female',): 1, ('male',): 2}
    assert formula.compute(formula.parse_formula('count()'), ANSWERS).total.value == 5


@pytest.mark.parametrize(
    ('text', 'code'),
    [
        ('', 'empty'),
        ('median(age)', 'aggregate'),
        ('count(age)', 'arguments'),
        ('mean(age + 1)', 'arguments'),
        ('count() by', 'keyword'),
        ("percent(trust_police in ('2', '3')) by ethnicity", 'unknown-name'),
        ('percent(eval(1))', 'expression'),
    ],
)
def test_formulas_that_cannot_be_read(text, code):
    with pytest.raises(formula.FormulaError) as caught:
        formula.parse_formula(text, {'age', 'trust_police', 'sex'})
    assert caught.value.code == code
