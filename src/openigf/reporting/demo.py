"""Demo reports of 2019: most sessions filed their short report (some late), many their full
report; takeaways drawn from the transcript where there is one, else from the description."""

from datetime import timedelta

from openigf.algorithms.summarise import Turn, draft
from openigf.forums.models import Edition
from openigf.programme.queries import published
from openigf.reporting.models import DEFAULT_DUE_HOURS, Report, ReportKind
from openigf.transcripts.queries import session_turns


def load(ctx):
    with ctx.step("reporting.reports_2019") as run:
        if not run:
            return
        edition = Edition.objects.get(forum__slug="igf", slug="2019")
        rng = ctx.rng("reporting.reports")
        _release, items = published(edition)
        reports = []
        for item in items:
            session = item.session
            roll = rng.random()
            if roll < 0.12:
                continue  # missing
            turns = session_turns(session)
            if turns:
                result = draft([Turn(t.anchor, t.speaker, t.text) for t in turns])
            else:
                result = draft([Turn("", "", session.description)], summary_sentences=3)
            takeaways = [s.text for s in result.takeaways] or [s.text for s in result.summary][:2]
            calls = [s.text for s in result.calls_to_action]
            sources = {s.text: s.anchor for s in result.takeaways + result.calls_to_action
                       if s.anchor}
            short_due = item.ends_at + timedelta(hours=DEFAULT_DUE_HOURS[ReportKind.SHORT])
            late = roll > 0.85
            submitted = short_due + (timedelta(hours=20) if late else -timedelta(hours=8))
            reports.append(Report(session=session, kind=ReportKind.SHORT, takeaways=takeaways[:3],
                                  calls_to_action=calls[:3], sources=sources,
                                  status=Report.Status.SUBMITTED, submitted_at=submitted,
                                  due_at=short_due, late=late))
            if roll < 0.6:
                full_due = item.ends_at + timedelta(hours=DEFAULT_DUE_HOURS[ReportKind.FULL])
                onsite, online = rng.randint(20, 180), rng.randint(5, 90)
                reports.append(Report(
                    session=session, kind=ReportKind.FULL, takeaways=takeaways[:3],
                    calls_to_action=calls[:3], status=Report.Status.SUBMITTED,
                    submitted_at=full_due - timedelta(days=2), due_at=full_due,
                    answers={"summary": " ".join(s.text for s in result.summary),
                             "participants_onsite": onsite, "participants_online": online,
                             "women_share": rng.choice([30, 40, 45, 50, 55]),
                             "gender_discussed": rng.choice(["yes", "no"])}))
        Report.objects.bulk_create(reports)
