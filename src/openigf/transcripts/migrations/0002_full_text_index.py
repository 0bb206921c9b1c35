"""The full-text index of turns: GIN over the search vector on PostgreSQL; on SQLite an FTS5
table over the text, kept in step with the turns by triggers."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE transcripts_turn_fts USING fts5(text, content='transcripts_turn', "
    "content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER transcripts_turn_ai AFTER INSERT ON transcripts_turn BEGIN "
    "INSERT INTO transcripts_turn_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER transcripts_turn_ad AFTER DELETE ON transcripts_turn BEGIN "
    "INSERT INTO transcripts_turn_fts(transcripts_turn_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER transcripts_turn_au AFTER UPDATE OF text ON transcripts_turn BEGIN "
    "INSERT INTO transcripts_turn_fts(transcripts_turn_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO transcripts_turn_fts(rowid, text) VALUES (new.id, new.text); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS transcripts_turn_au",
               "DROP TRIGGER IF EXISTS transcripts_turn_ad",
               "DROP TRIGGER IF EXISTS transcripts_turn_ai",
               "DROP TABLE IF EXISTS transcripts_turn_fts"]
POSTGRES = ["CREATE INDEX turn_search_gin ON transcripts_turn USING gin (search)"]
POSTGRES_DROP = ["DROP INDEX IF EXISTS turn_search_gin"]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor,
                                                                [])
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(
        schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
