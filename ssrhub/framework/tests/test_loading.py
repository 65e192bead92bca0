"""Loading the data files into the database: idempotent, versioned, all-or-nothing."""

import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command

from ssrhub.core.loading import LoadReport
from ssrhub.core.models import SourceCitation
from ssrhub.framework.datafiles import DATA_DIR
from ssrhub.framework.loading import load_framework
from ssrhub.framework.models import Framework, FrameworkItem, FrameworkVersion, Mission, UNEntity

pytestmark = pytest.mark.django_db

FRAMEWORK_DIR = DATA_DIR / 'frameworks' / 'un-ssr'


def _history_count():
    return sum(model.history.count() for model in (FrameworkItem, FrameworkVersion, Mission, UNEntity, SourceCitation))


def test_setup_loaded_the_framework_and_institutions():
    framework = Framework.objects.get(code='un-ssr')
    version = framework.current_version
    assert version.version == '2026.1'
    ownership = version.items.get(code='principle.national-ownership')
    assert ownership.parent.code == 'principle'
    assert ownership.citations.exists()
    assert UNEntity.objects.get(code='DPO').name_on(__import__('datetime').date(2015, 6, 1)).acronym == 'DPKO'
    assert set(Mission.objects.get(acronym='MINUSCA').predecessors.values_list('acronym', flat=True)) >= {'BINUCA'}


def test_loading_twice_changes_nothing(capsys):
    before = (_history_count(), FrameworkItem.objects.count(), SourceCitation.objects.count())
    call_command('framework', 'load')
    output = capsys.readouterr().out
    assert (_history_count(), FrameworkItem.objects.count(), SourceCitation.objects.count()) == before
    assert ' 0 created, 0 updated' in output
    assert 'created' in output and all(' 0 created, 0 updated,' in line for line in output.splitlines())


@pytest.fixture
def next_version(tmp_path):
    """A copy of the framework with a second version 2027.1 that renames one item and drops another."""
    target = tmp_path / 'un-ssr'
    shutil.copytree(FRAMEWORK_DIR, target)
    new = target / '2027.1'
    shutil.copytree(target / '2026.1', new)
    meta = yaml.safe_load((new / 'version.yaml').read_text(encoding='utf-8'))
    meta.update(version='2027.1', released=meta['released'].replace(year=2027))
    (new / 'version.yaml').write_text(yaml.safe_dump(meta, allow_unicode=True), encoding='utf-8')
    principles = yaml.safe_load((new / 'principles.yaml').read_text(encoding='utf-8'))
    principles['items'][2]['label']['en'] = 'National ownership (revised)'
    principles['items'].pop()
    (new / 'principles.yaml').write_text(yaml.safe_dump(principles, allow_unicode=True), encoding='utf-8')
    return target


def test_a_new_version_keeps_the_old_one_readable(next_version):
    load_framework(next_version, LoadReport())
    framework = Framework.objects.get(code='un-ssr')
    assert framework.current_version.version == '2027.1'
    old = framework.versions.get(version='2026.1')
    new = framework.versions.get(version='2027.1')
    assert old.items.get(code='principle.national-ownership').label_en == 'National ownership'
    assert new.items.get(code='principle.national-ownership').label_en == 'National ownership (revised)'
    assert new.items.filter(parent__code='principle').count() == 9
    assert old.items.filter(parent__code='principle').count() == 10


def test_an_invalid_file_loads_nothing(next_version):
    (next_version / '2027.1' / 'gender.yaml').write_text('code: gender\nlabel: {en: Gender}\n', encoding='utf-8')
    items_before = FrameworkItem.objects.count()
    with pytest.raises(CommandError, match='Nothing was loaded: .*gender.yaml'):
        call_command('framework', 'load', '--path', str(next_version))
    assert FrameworkItem.objects.count() == items_before
    assert not FrameworkVersion.objects.filter(version='2027.1').exists()


def test_changed_item_is_updated_with_history(next_version):
    version_dir = next_version / '2026.1'
    principles = yaml.safe_load((version_dir / 'principles.yaml').read_text(encoding='utf-8'))
    principles['items'][2]['definition']['en'] = 'A corrected definition.'
    (version_dir / 'principles.yaml').write_text(yaml.safe_dump(principles, allow_unicode=True), encoding='utf-8')
    shutil.rmtree(next_version / '2027.1')
    report = LoadReport()
    load_framework(next_version, report)
    item = FrameworkItem.objects.get(version__version='2026.1', code=principles['items'][2]['code'])
    assert item.definition_en == 'A corrected definition.'
    assert report[('framework items', 'updated')] == 1
    latest = item.history.first()
    delta = latest.diff_against(latest.prev_record)
    assert [change.field for change in delta.changes] == ['definition_en']
