"""Full-text index of paragraphs: FTS5 (external content, kept in sync by triggers) on SQLite,
a GIN expression index matching ``SearchVector('text', config='simple')`` on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE documents_paragraph_fts USING fts5("
    "text, content='documents_paragraph', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    'CREATE TRIGGER documents_paragraph_fts_insert AFTER INSERT ON documents_paragraph BEGIN '
    'INSERT INTO documents_paragraph_fts(rowid, text) VALUES (new.id, new.text); END',
    'CREATE TRIGGER documents_paragraph_fts_delete AFTER DELETE ON documents_paragraph BEGIN '
    "INSERT INTO documents_paragraph_fts(documents_paragraph_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    'CREATE TRIGGER documents_paragraph_fts_update AFTER UPDATE OF text ON documents_paragraph BEGIN '
    "INSERT INTO documents_paragraph_fts(documents_paragraph_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    'INSERT INTO documents_paragraph_fts(rowid, text) VALUES (new.id, new.text); END',
    "INSERT INTO documents_paragraph_fts(documents_paragraph_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    'DROP TRIGGER IF EXISTS documents_paragraph_fts_insert',
    'DROP TRIGGER IF EXISTS documents_paragraph_fts_delete',
    'DROP TRIGGER IF EXISTS documents_paragraph_fts_update',
    'DROP TABLE IF EXISTS documents_paragraph_fts',
]
POSTGRES_CREATE = [
    'CREATE INDEX documents_paragraph_text_fts ON documents_paragraph '
    "USING GIN (to_tsvector('simple'::regconfig, COALESCE(text, '')))",
]
POSTGRES_DROP = ['DROP INDEX IF EXISTS documents_paragraph_text_fts']


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [('documents', '0001_initial')]

    operations = [
        migrations.RunPython(
            _run({'sqlite': SQLITE_CREATE, 'postgresql': POSTGRES_CREATE}),
            _run({'sqlite': SQLITE_DROP, 'postgresql': POSTGRES_DROP}),
        )
    ]
