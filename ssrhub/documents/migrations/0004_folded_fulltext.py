"""Paragraph search folds accents on PostgreSQL as FTS5 does on SQLite (``remove_diacritics 2``): a text search
configuration ``ssrhub_folded`` (``simple`` through ``unaccent``) and the GIN index rebuilt with it. On SQLite, an
``fts5vocab`` table lists the index's words, from which paragraph search suggests close spellings."""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE documents_paragraph_vocab USING fts5vocab('documents_paragraph_fts', 'row')",
]
SQLITE_DROP = ['DROP TABLE IF EXISTS documents_paragraph_vocab']
POSTGRES_CREATE = [
    'CREATE TEXT SEARCH CONFIGURATION ssrhub_folded (COPY = simple)',
    'ALTER TEXT SEARCH CONFIGURATION ssrhub_folded ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple',
    'DROP INDEX IF EXISTS documents_paragraph_text_fts',
    'CREATE INDEX documents_paragraph_text_fts ON documents_paragraph '
    "USING GIN (to_tsvector('ssrhub_folded'::regconfig, COALESCE(text, '')))",
]
POSTGRES_DROP = [
    'DROP INDEX IF EXISTS documents_paragraph_text_fts',
    'CREATE INDEX documents_paragraph_text_fts ON documents_paragraph '
    "USING GIN (to_tsvector('simple'::regconfig, COALESCE(text, '')))",
    'DROP TEXT SEARCH CONFIGURATION IF EXISTS ssrhub_folded',
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [('core', '0002_unaccent'), ('documents', '0003_mission_links')]

    operations = [
        migrations.RunPython(
            _run({'sqlite': SQLITE_CREATE, 'postgresql': POSTGRES_CREATE}),
            _run({'sqlite': SQLITE_DROP, 'postgresql': POSTGRES_DROP}),
        )
    ]
