"""Schedules as other conference tools exchange them: frab/pentabarf XML, C3VOC JSON (frab,
pretalx) and iCalendar. Each format module reads a file into the plain records of
``records`` and writes records back; nothing here touches the database. ``importers`` turns
records into the edition's rooms, themes and sessions; ``exporters`` turns the published
schedule into records."""
