"""On PostgreSQL the stored search vector of a turn is kept by a trigger, in the same write as
the turn (weighted: the text A, the speaker label B), instead of a second UPDATE of every turn
after each save; existing turns without one get it now. SQLite keeps its FTS5 table."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION transcripts_turn_search() RETURNS trigger AS $$
BEGIN
  NEW.search := setweight(to_tsvector('english', coalesce(NEW.text, '')), 'A')
             || setweight(to_tsvector('english', coalesce(NEW.label, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
TRIGGER = ("CREATE TRIGGER transcripts_turn_search BEFORE INSERT OR UPDATE OF text, label "
           "ON transcripts_turn FOR EACH ROW EXECUTE FUNCTION transcripts_turn_search()")
BACKFILL = "UPDATE transcripts_turn SET text = text WHERE search IS NULL"
DROP = ["DROP TRIGGER IF EXISTS transcripts_turn_search ON transcripts_turn",
        "DROP FUNCTION IF EXISTS transcripts_turn_search()"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in (FUNCTION, TRIGGER, BACKFILL):
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("transcripts", "0003_pending_upload")]
    operations = [migrations.RunPython(forwards, backwards)]
