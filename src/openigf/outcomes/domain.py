"""Writes and reads of the outcomes: takeaways grouped per theme, IGF Messages and their
public comments, and the Chair's Summary (facts, versions, PDF and DOCX)."""

import io
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openigf.algorithms.clustering import Text, group
from openigf.community.models import BestPracticeForum
from openigf.core import translations, when, wordfiles
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError
from openigf.core.numbers import figure
from openigf.outcomes.models import (
    ChairsSummary,
    ChairsSummaryVersion,
    IgfMessage,
    MessageComment,
    MessageStatus,
)
from openigf.programme.models import Session, SessionPerson, SessionStatus
from openigf.reporting.models import Report

COMMENTS_PER_HOUR = 5


def takeaway_groups(edition, theme, k=None):
    """The key takeaways of the theme's sessions (submitted reports) grouped by the text
    engine (``k`` groups, else the number it suggests), near-duplicates merged and the
    takeaways that fit no group apart; each text keeps its session."""
    texts = []
    seen = set()
    for report in (Report.objects.filter(session__edition=edition, session__theme=theme,
                                         status="submitted").select_related("session")
                   .order_by("session_id", "kind")):
        for i, t in enumerate(report.takeaways):
            if (report.session_id, t) not in seen:
                seen.add((report.session_id, t))
                texts.append(Text((report.session_id, report.session.title, i), t))
    return group(texts, k=k)


def message_save(*, edition, theme, text: str, sessions=(), subheading: str = "",
                 message: IgfMessage | None = None, versions: dict | None = None) -> IgfMessage:
    """Draft a new message, or change a message that is not final yet.

    ``text`` and ``subheading`` are in the forum's own language; ``versions`` holds those of
    the other languages (``{"text": {"fr": ...}}``).

    Side effects: the message saved with its sessions; audit ``message.create`` or
    ``message.update`` with what changed (nothing written when nothing changed).
    """
    if not text.strip():
        raise ApplicationError(_("Write the message."), fields={"text": _("Required.")})
    if message is not None and message.status == MessageStatus.FINAL:
        raise ApplicationError(_("A final message is no longer edited."))
    created = message is None
    message = message or IgfMessage(edition=edition, theme=theme)
    with translations.writing(edition.forum.language):
        changes = diff(message, text=text.strip(), subheading=subheading.strip(), theme=theme)
    stripped = {field: {code: value.strip() for code, value in by_language.items()}
                for field, by_language in (versions or {}).items()}
    changes.update(dict.fromkeys(translations.versions_set(message, stripped), "changed"))
    sessions = list(sessions)
    before = set() if created else set(message.sessions.values_list("pk", flat=True))
    if {s.pk for s in sessions} != before:
        changes["sessions"] = [sorted(before), sorted(s.pk for s in sessions)]
    if not changes:
        return message
    message.save()
    message.sessions.set(sessions)
    audit_log(action="message.create" if created else "message.update", obj=message,
              changes=changes)
    return message


def message_move(*, message: IgfMessage, status: str) -> IgfMessage:
    order = [MessageStatus.DRAFT, MessageStatus.COMMENT, MessageStatus.FINAL]
    if order.index(status) < order.index(message.status):
        raise ApplicationError(_("A message moves forward only: draft, comment, final."))
    old = message.status
    message.status = status
    message.save(update_fields=["status", "updated"])
    audit_log(action="message.status", obj=message, changes={"status": [old, status]})
    return message


def comment_add(*, message: IgfMessage, person, text: str, now=None) -> MessageComment:
    """A signed-in person's comment during the comment period; moderated before it shows;
    at most five an hour per person."""
    now = now or timezone.now()
    if message.status != MessageStatus.COMMENT:
        raise ApplicationError(_("This message is not open for comments."))
    text = text.strip()
    if not text:
        raise ApplicationError(_("Write a comment."), fields={"text": _("Required.")})
    if len(text) > 3000:
        raise ApplicationError(_("At most 3,000 characters."),
                               fields={"text": _("Too long.")})
    recent = MessageComment.objects.filter(person=person,
                                           created__gte=now - timedelta(hours=1)).count()
    if recent >= COMMENTS_PER_HOUR:
        raise ApplicationError(_("You have sent five comments in the last hour; please wait."))
    comment = MessageComment.objects.create(message=message, person=person, text=text)
    audit_log(action="message.comment", obj=message, changes={"comment": [None, comment.pk]})
    return comment


def comment_moderate(*, comment: MessageComment, approve: bool) -> MessageComment:
    comment.status = (MessageComment.Status.APPROVED if approve
                      else MessageComment.Status.REJECTED)
    comment.save(update_fields=["status", "updated"])
    audit_log(action="message.moderate", obj=comment.message,
              changes={"comment": [comment.pk, comment.status]})
    return comment


# Where the participation figures come from: ``fn(edition) -> {"registered", "onsite",
# "online", "checked_in", ...}`` (analytics registers its registration figures).
PARTICIPATION_SOURCES: list = []


def register_participation_source(fn):
    if fn not in PARTICIPATION_SOURCES:
        PARTICIPATION_SOURCES.append(fn)
    return fn


def facts(edition) -> dict:
    """The figures of the Chair's Summary: dates, host, theme, sessions by type and theme,
    speakers by classification, countries, and participants: registered (onsite, online) and
    checked in, from the participation source; where the edition has no registrations, those
    the session reports give."""
    sessions = Session.objects.filter(edition=edition, status=SessionStatus.CONFIRMED)
    by_kind = Counter(str(s.get_kind_display()) for s in sessions.only("kind"))
    by_theme = Counter(s.theme.name if s.theme else _("No theme")
                       for s in sessions.select_related("theme"))
    people = SessionPerson.objects.filter(session__in=sessions)
    groups = Counter(str(p.get_stakeholder_group_display() or _("Not known")) for p in people)
    regions = Counter(str(p.get_regional_group_display() or _("Not known")) for p in people)
    genders = Counter(str(p.get_gender_display() or _("Not known")) for p in people)
    attendance = Counter(str(_("Onsite") if p.onsite else _("Online")) for p in people)
    countries = people.filter(person__country__isnull=False).values(
        "person__country").distinct().count()
    onsite = online = 0
    registered = checked_in = None
    participation = PARTICIPATION_SOURCES[0](edition) if PARTICIPATION_SOURCES else None
    if participation and participation["registered"]:
        registered, checked_in = participation["registered"], participation["checked_in"]
        onsite, online = participation["onsite"], participation["online"]
    else:
        for answers in Report.objects.filter(session__in=sessions, kind="full", status="submitted"
                                             ).values_list("answers", flat=True):
            onsite += int(answers.get("participants_onsite") or 0)
            online += int(answers.get("participants_online") or 0)
    return {"title": str(edition.title), "theme": edition.theme,
            "host": f"{edition.host_city}{', ' if edition.host_city else ''}"
                    f"{edition.host_country.name if edition.host_country else ''}",
            "dates": f"{edition.start_date:%d %B %Y} – {edition.end_date:%d %B %Y}",
            "sessions": sessions.count(), "by_kind": dict(by_kind.most_common()),
            "by_theme": dict(by_theme.most_common()), "speakers": people.count(),
            "stakeholder_groups": dict(groups.most_common()),
            "regions": dict(regions.most_common()), "genders": dict(genders.most_common()),
            "attendance": dict(attendance.most_common()), "countries": countries,
            "participants_onsite": onsite, "participants_online": online,
            "registered": registered, "checked_in": checked_in}


@transaction.atomic
def summary_publish(*, edition, introduction: str, person=None,
                    versions: dict | None = None) -> ChairsSummaryVersion:
    """Publish a new version of the Chair's Summary (facts frozen with it).

    ``introduction`` is in the forum's own language; ``versions`` holds the other languages'
    (``{"introduction": {"fr": ...}}``), frozen with the version too.
    """
    summary, _created = ChairsSummary.objects.get_or_create(edition=edition)
    last = summary.versions.first()
    with translations.writing(edition.forum.language):
        summary.introduction = introduction
        translations.versions_set(summary, versions)
        summary.published = True
        summary.save()
        version = ChairsSummaryVersion(
            summary=summary, number=(last.number + 1) if last else 1,
            introduction=introduction, facts=facts(edition), by=person)
        translations.versions_set(version, versions)
        version.save()
    audit_log(action="chairs_summary.publish", obj=summary,
              changes={"version": [last.number if last else None, version.number]})
    return version


def figures_sentence(f: dict) -> str:
    """The Chair's Summary's sentence of figures (page, PDF and DOCX say the same), its
    figures grouped as the reader's language groups them."""
    values = {key: figure(value) for key, value in {
        "s": f["sessions"], "p": f["speakers"], "c": f["countries"],
        "on": f["participants_onsite"], "off": f["participants_online"],
        "r": f.get("registered") or 0, "ci": f.get("checked_in") or 0}.items()}
    if f.get("registered"):
        return _("%(r)s participants registered, %(on)s onsite and %(off)s online; %(ci)s "
                 "checked in at the venue. %(s)s sessions, %(p)s speakers and moderators from "
                 "%(c)s countries.") % values
    return _("%(s)s sessions, %(p)s speakers and moderators from %(c)s countries; %(on)s "
             "participants onsite and %(off)s online reported by the sessions.") % values


# The tables of the Chair's Summary: facts key, caption, first column, counted column.
SUMMARY_TABLES = [
    ("by_kind", _lazy("Sessions by type"), _lazy("Type"), _lazy("Sessions")),
    ("by_theme", _lazy("Sessions by theme"), _lazy("Theme"), _lazy("Sessions")),
    ("stakeholder_groups", _lazy("Speakers by stakeholder group"), _lazy("Stakeholder group"),
     _lazy("Speakers")),
    ("regions", _lazy("Speakers by region"), _lazy("Region"), _lazy("Speakers")),
    ("genders", _lazy("Speakers by gender"), _lazy("Gender"), _lazy("Speakers")),
    ("attendance", _lazy("Speakers onsite and online"), _lazy("Attendance"), _lazy("Speakers")),
]


@dataclass(frozen=True)
class SummaryTable:
    caption: str
    columns: tuple[str, str]
    rows: list  # (label, count)


@dataclass(frozen=True)
class OutputLine:
    kind: str
    title: str
    published: object


def _bpf_outputs(bpf) -> list[OutputLine]:
    """What a Best Practice Forum produced, as the Chair's Summary reports it: its final
    documents (else its latest output), titled without the forum's own name."""
    outputs = list(bpf.outputs.all())
    final = [o for o in outputs if o.kind == "final"]
    shown = final or outputs[-1:]
    lines = []
    for o in shown:
        title = o.title
        for separator in (": ", " – ", " - "):
            if title.startswith(bpf.name + separator):
                title = title[len(bpf.name) + len(separator):]
        lines.append(OutputLine(str(o.get_kind_display()), title, o.published))
    return lines


def summary_context(edition, version=None) -> dict | None:
    """Everything the Chair's Summary shows, for the page, the PDF and the DOCX alike: the
    version's facts and tables, the final messages by theme and the intersessional work
    (each Best Practice Forum once, with its outputs)."""
    summary = ChairsSummary.objects.filter(edition=edition, published=True).first()
    if summary is None:
        return None
    version = version or summary.versions.first()
    messages = (IgfMessage.objects.filter(edition=edition, status=MessageStatus.FINAL)
                .select_related("theme").prefetch_related("sessions"))
    by_theme = {}
    for m in messages:
        by_theme.setdefault(m.theme, []).append(m)
    bpfs = BestPracticeForum.objects.filter(edition=edition).prefetch_related("outputs")
    # The version keeps its figures; its dates are written in the reader's language.
    f = {**version.facts, "dates": f"{when.format_date(edition.start_date)} – "
                                   f"{when.format_date(edition.end_date)}"}
    tables = [SummaryTable(str(caption), (str(first), str(counted)), list(f.get(key, {}).items()))
              for key, caption, first, counted in SUMMARY_TABLES]
    return {"summary": summary, "version": version, "facts": f, "tables": tables,
            "figures": figures_sentence(f),
            "messages": list(by_theme.items()), "edition": edition,
            "intersessional": [(bpf, _bpf_outputs(bpf)) for bpf in bpfs]}


def summary_pdf(edition) -> bytes:
    """The Chair's Summary as a tagged PDF (PDF/UA-1: headings, lists and tables readable by
    assistive technology), table headers repeated on every page a table runs over."""
    from weasyprint import HTML  # noqa: PLC0415 heavy (WeasyPrint), loaded only when used

    ctx = summary_context(edition)
    html = render_to_string("outcomes/summary_print.html", {"ctx": ctx, "facts": ctx["facts"]})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def _repeat_header_row(row) -> None:
    """Mark a DOCX table's first row as its header, repeated on each page."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 heavy (python-docx), loaded only when used
    from docx.oxml.ns import qn  # noqa: PLC0415 heavy (python-docx), loaded only when used

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def summary_docx(edition) -> bytes:
    """The Chair's Summary as a Word document with the page's content: every table (with its
    header row), the messages by theme and the intersessional work. Arabic and Chinese text
    take Noto fonts; Arabic paragraphs run right to left (``core.wordfiles``)."""
    from docx import Document  # noqa: PLC0415 heavy (python-docx), loaded only when used

    ctx = summary_context(edition)
    f = ctx["facts"]
    doc = Document()
    wordfiles.use_script_fonts(doc)
    doc.add_heading(_("Chair's Summary: %(title)s") % {"title": f["title"]}, 0)
    doc.add_paragraph(f"{f['dates']} · {f['host']}")
    if f.get("theme"):
        doc.add_paragraph(f["theme"])
    for para in ctx["version"].introduction.split("\n\n"):
        if para.strip():
            doc.add_paragraph(para.strip())
    doc.add_heading(_("The meeting in figures"), 1)
    doc.add_paragraph(figures_sentence(f))
    for table_data in ctx["tables"]:
        doc.add_heading(table_data.caption, 2)
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0]
        for cell, text in zip(header.cells, table_data.columns, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        _repeat_header_row(header)
        for label, n in table_data.rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(label), figure(n)
    doc.add_heading(_("IGF Messages"), 1)
    for theme, messages in ctx["messages"]:
        doc.add_heading(theme.name, 2)
        for m in messages:
            doc.add_paragraph(m.text, style="List Bullet")
    if ctx["intersessional"]:
        doc.add_heading(_("Intersessional work"), 1)
        for bpf, outputs in ctx["intersessional"]:
            doc.add_heading(bpf.name, 2)
            for line in outputs:
                doc.add_paragraph(f"{line.kind}: {line.title}", style="List Bullet")
    wordfiles.set_directions(doc, right_to_left=translation.get_language_bidi())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
