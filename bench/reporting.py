"""Reporting and outcomes at the size of an IGF year.

Run: .venv/bin/python -m bench.reporting
Loads the synthetic 300-session edition (as bench.programme does), files a short and a full
report for each session with takeaways drawn from its description, then prints: the draft
from the real IGF transcript (seconds), grouping of all key takeaways, the compliance board,
and assembling the Chair's Summary with its PDF and DOCX.
"""

import json
import time
from pathlib import Path

from bench import FOLDER  # noqa: F401 (sets the environment)
from bench.programme import data_file, load


def main():
    import django

    django.setup()
    from django.core.management import call_command

    from openigf.algorithms.summarise import Turn, draft
    from openigf.algorithms.transcripts import parse
    from openigf.outcomes import domain as outcomes
    from openigf.reporting import domain as reporting
    from openigf.reporting.models import Report

    call_command("migrate", verbosity=0)
    edition = load(json.loads(data_file().read_text()))
    seed = Path(__file__).resolve().parents[1] / "src/openigf/transcripts/data"
    text = next(seed.glob("*.txt")).read_text()
    started = time.perf_counter()
    turns = [Turn(f"t{i}", t.speaker or "", t.text) for i, t in enumerate(parse(text).turns, 1)]
    result = draft(turns)
    print(f"draft from the IGF 2018 transcript ({len(text.split()):,} words): "
          f"{len(result.summary)} summary sentences, {len(result.takeaways)} takeaways, "
          f"{len(result.calls_to_action)} calls to action, {time.perf_counter() - started:.2f} s")
    reports = []
    for s in edition.sessions.all():
        d = draft([Turn("", "", s.description)], summary_sentences=3)
        takeaways = [x.text for x in d.takeaways][:3]
        for kind in ("short", "full"):
            reports.append(Report(session=s, kind=kind, takeaways=takeaways,
                                  status="submitted", answers={
                                      "participants_onsite": 60, "participants_online": 25}))
    Report.objects.bulk_create(reports)
    started = time.perf_counter()
    groups = sum(len(outcomes.takeaway_groups(edition, t)) for t in edition.themes.all())
    print(f"grouping the takeaways of {len(reports) // 2} sessions by theme: {groups} groups, "
          f"{time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    rows = reporting.compliance(edition)
    print(f"compliance board: {len(rows)} sessions, {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    outcomes.summary_publish(edition=edition, introduction="The forum met in Berlin.")
    pdf = outcomes.summary_pdf(edition)
    docx = outcomes.summary_docx(edition)
    print(f"Chair's Summary of 300 sessions (facts, version, PDF {len(pdf) / 1024:.0f} KiB, "
          f"DOCX {len(docx) / 1024:.0f} KiB): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
