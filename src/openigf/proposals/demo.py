"""The demo's calls for proposals of 2019 and ~400 proposals of every session type, with
organisers, invited speakers and moderators of varied groups, regions and genders; some break
the rules (one gender only, nobody onsite, too many proposals by one proposer, a MAG member
organising), some look alike, and the Secretariat screened them (out when a rule failed).

The networking sessions' call stays open (until 90 days after the demo is loaded), so that
the demo proposer can try the form. When the public data of ``shared/data`` is present
(``OPENIGF_SHARED_DATA``), a third of the titles and descriptions are real published session
descriptions (India AI Impact Summit 2026 programme) instead of composed ones."""

import csv
import datetime
import os
import zoneinfo
from pathlib import Path

from django.utils import timezone

from openigf.community import demo as community_demo
from openigf.community.models import Coalition
from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition, Forum, PolicyQuestion, Tag
from openigf.people.demo import REGION_WEIGHTS, _countries_by_group, _person
from openigf.people.models import Person
from openigf.proposals import demo_text as text
from openigf.proposals.enums import Format, PersonRole, ProposalStatus
from openigf.proposals.models import Call, CallQuestion, Proposal, ProposalPerson
from openigf.proposals.screening import check_many
from openigf.proposals.screening.base import PANELS

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
ALL_FIELDS = ["policy_questions", "tags", "sdg_targets", "interaction_plan",
              "previous_messages", "background_paper"]
# kind: (how many, closes (month, day), durations, formats, optional fields)
CALLS = {
    SessionKind.WORKSHOP: (236, (4, 12), [60, 90],
                           ["roundtable", "panel", "debate", "breakout", "birds"], ALL_FIELDS),
    SessionKind.OPEN_FORUM: (46, (5, 31), [60], [],
                             ["policy_questions", "tags", "sdg_targets", "interaction_plan"]),
    SessionKind.DC_SESSION: (16, (6, 28), [90], [], ["coalition", "tags", "interaction_plan"]),
    SessionKind.BPF_SESSION: (5, (6, 28), [90], [], ["tags", "interaction_plan"]),
    SessionKind.NRI_SESSION: (8, (6, 28), [90], ["roundtable", "panel"],
                              ["tags", "policy_questions"]),
    SessionKind.TOWN_HALL: (14, (6, 14), [60], [], ["tags"]),
    SessionKind.LAUNCH_AWARD: (16, (6, 14), [30], ["presentation"], ["tags"]),
    SessionKind.NETWORKING: (18, None, [60], [], ["tags"]),
    SessionKind.LIGHTNING_TALK: (30, (6, 14), [20], ["presentation"], ["tags"]),
    SessionKind.DAY_ZERO: (14, (7, 31), [60, 90, 120, 180], [], ["tags", "interaction_plan"]),
}
INTRODUCTIONS = {
    SessionKind.WORKSHOP:
        "Workshops are the heart of the programme. Proposals are evaluated by the MAG "
        "against the call's criteria; organisers from more than one stakeholder group, "
        "diverse speakers and a clear interaction plan score best.",
    SessionKind.OPEN_FORUM:
        "Open forums are held by governments, treaty-based international "
        "organisations and global Internet governance organisations, to present "
        "and discuss their activities.",
    SessionKind.DC_SESSION:
        "Each Dynamic Coalition that filed last year's activity report may hold one "
        "session.",
}


def _at(month, day, hour=23, minute=59):
    return datetime.datetime(2019, month, day, hour, minute, tzinfo=BERLIN)


def _calls(edition):
    now = timezone.now()
    calls = {}
    for kind, (_n, closes, durations, formats, fields) in CALLS.items():
        closes_at = _at(*closes) if closes else now + datetime.timedelta(days=90)
        calls[kind] = Call.objects.create(
            edition=edition, kind=kind, opens_at=_at(3, 4, 9, 0), closes_at=closes_at,
            durations=durations, formats=formats, fields=fields,
            introduction=INTRODUCTIONS.get(kind, ""), word_limit=500 if kind == SessionKind.WORKSHOP
            else 300)
    CallQuestion.objects.create(
        call=calls[SessionKind.WORKSHOP], kind="long", required=False, order=1,
        text="How will your session involve participants who are new to the IGF?")
    CallQuestion.objects.create(
        call=calls[SessionKind.DAY_ZERO], kind="short", required=True, order=1,
        text="Expected number of participants")
    return calls


def _real_sessions(rng) -> list[tuple[str, str]]:
    """(title, summary) of real published sessions, when the shared data is at hand."""
    roots = [os.environ.get("OPENIGF_SHARED_DATA", ""),
             str(Path(__file__).resolve().parents[3] / ".." / "shared" / "data")]
    for root in roots:
        path = Path(root) / "sessions" / "india-ai-impact-summit-2026-sessions.csv" if root \
            else None
        if path and path.exists():
            with path.open(encoding="utf-8") as f:
                rows = [(r["title"].strip(), r["summary"].strip()) for r in csv.DictReader(f)
                        if len(r["summary"].split()) >= 40 and 10 < len(r["title"]) < 190]
            rng.shuffle(rows)
            return rows
    return []


THEME_WORDS = {"security-safety": ("secur", "safe", "trust", "cyber", "resilien", "harm"),
               "digital-inclusion": ("inclusi", "access", "skill", "language", "educat",
                                     "women", "youth", "divide", "rural")}


def _theme_of(text, themes):
    """The 2019 theme a real session description speaks most of (data governance else)."""
    text = text.lower()
    scores = {slug: sum(text.count(w) for w in words) for slug, words in THEME_WORDS.items()}
    best = max(scores, key=scores.get)
    slug = best if scores[best] else "data-governance"
    return next((t for t in themes if t.slug == slug), None)


def _composed(rng, theme_slug):
    topic = rng.choice(text.TOPICS[theme_slug])
    pattern = rng.choice(text.TITLE_PATTERNS)
    title = pattern.format(topic=topic, Topic=topic[0].upper() + topic[1:])
    regions = rng.choice(text.REGIONS)
    parts = [rng.choice(text.OPENINGS)] + rng.sample(text.MIDDLES, rng.randint(2, 4)) + [
        rng.choice(text.CLOSINGS)]
    return title, " ".join(p.format(topic=topic, regions=regions) for p in parts)


def _row(proposal, person, role, order, *, rng, onsite=True, confirmed=True, linked=True):
    return ProposalPerson(
        proposal=proposal, person=person if linked and person.pk else None, name=person.name,
        email=person.email, organisation=person.organisation, role=role,
        stakeholder_group=person.stakeholder_group, regional_group=person.regional_group,
        gender=person.gender, country_id=person.country_id, onsite=onsite,
        confirmed=confirmed, order=order,
        invited_at=proposal.submitted_at if role != PersonRole.ORGANISER else None,
        confirmed_at=proposal.submitted_at if confirmed else None)


def _people_bank(rng, n, domain):
    """Unsaved people (name, e-mail, classifications) with addresses at ``domain``."""
    countries = _countries_by_group()
    regions = rng.choices(list(REGION_WEIGHTS), weights=list(REGION_WEIGHTS.values()), k=n)
    bank = []
    for i, region in enumerate(regions):
        person = _person(rng, i, region, countries, "!")
        person.email = person.email.replace("@example.org", "@" + domain)
        bank.append(person)
    return bank


def _people_rows(rng, proposal, organisers, pool, flaw):
    rows = [_row(proposal, p, PersonRole.ORGANISER, i, rng=rng)
            for i, p in enumerate(organisers)]
    n = rng.randint(3, 5) if proposal.kind in PANELS else rng.randint(1, 3)
    candidates = pool
    if flaw == "gender":
        gender = rng.choice(["female", "male"])
        candidates = [p for p in pool if p.gender == gender]
    speakers = rng.sample(candidates, n)
    if flaw != "gender" and len({s.gender for s in speakers}) < 2:
        other = "male" if speakers[0].gender == "female" else "female"
        speakers[-1] = rng.choice([p for p in pool if p.gender == other])
    for i, s in enumerate(speakers):
        linked = s.pk is not None
        confirmed = flaw != "unconfirmed" and rng.random() < 0.93
        onsite = flaw != "online" and (i < 2 or rng.random() < 0.7)
        rows.append(_row(proposal, s, PersonRole.SPEAKER, i, rng=rng, onsite=onsite,
                         confirmed=confirmed, linked=linked))
    moderator, online_moderator, rapporteur = rng.sample(pool[:300], 3)
    rows.append(_row(proposal, moderator, PersonRole.MODERATOR, 0, rng=rng,
                     onsite=flaw not in ("online", "moderator")))
    rows.append(_row(proposal, online_moderator, PersonRole.ONLINE_MODERATOR, 0, rng=rng,
                     onsite=False))
    rows.append(_row(proposal, rapporteur, PersonRole.RAPPORTEUR, 0, rng=rng))
    return rows


def _organisers(rng, pool, bank, kind, prolific, mag):
    # Governments and intergovernmental organisations hold open forums; others workshops.
    official = kind == SessionKind.OPEN_FORUM
    first = rng.choice([p for p in pool if (p.stakeholder_group in ("government", "igo"))
                        == official])
    if kind == SessionKind.WORKSHOP and prolific and rng.random() < 0.03:
        first = prolific
    elif kind == SessionKind.WORKSHOP and mag and rng.random() < 0.012:
        first = rng.choice(mag)
    others = rng.sample(bank, rng.choice([0, 1, 1, 2]))
    return [first] + [p for p in others if p.pk != first.pk]


def _proposals(ctx, edition, calls):
    rng = ctx.rng("proposals.proposals")
    pool = list(Person.objects.filter(email__endswith="example.org").order_by("pk"))
    mag = list(Person.objects.filter(memberships__edition=edition, memberships__role="mag",
                                     email__endswith="example.org").order_by("pk"))
    speakers = pool[300:] + _people_bank(rng, 4000, "speakers.example.net")
    # Proposers with an account (no password: they sign in by resetting it).
    proposers = Person.objects.bulk_create(_people_bank(rng, 320, "proposers.example.net"))
    pool = [p for p in pool[:300] if p not in mag] + proposers
    mag = mag[:4]
    prolific = pool[7]
    themes = list(edition.themes.order_by("order"))
    tags_by_theme = {t.pk: list(Tag.objects.filter(edition=edition, theme=t)) for t in themes}
    questions = {t.pk: list(PolicyQuestion.objects.filter(edition=edition, theme=t))
                 for t in themes}

    coalitions = list(Coalition.objects.filter(forum=edition.forum).order_by("name"))
    real = _real_sessions(rng)
    created, plans = [], []
    for kind, (count, _c, durations, formats, _f) in CALLS.items():
        call = calls[kind]
        for i in range(count):
            theme = rng.choice(themes)
            if real and rng.random() < 0.33:
                title, description = real.pop()
                description = " ".join(description.split()[:call.word_limit])
                theme = _theme_of(f"{title} {description}", themes) or theme
            else:
                title, description = _composed(rng, theme.slug)
            organisers = _organisers(rng, pool, speakers[-600:], kind, prolific, mag)
            closes = min(call.closes_at, timezone.now())
            submitted = call.opens_at + (closes - call.opens_at) * rng.random()
            proposal = Proposal(
                edition=edition, call=call, kind=kind, title=title[:200],
                description=description, theme=theme,
                format=rng.choice(formats or [f for f in Format.values if f != "other"]),
                duration=rng.choice(durations), created_by=organisers[0],
                organisation=organisers[0].organisation, first_time=rng.random() < 0.3,
                status=ProposalStatus.SUBMITTED, submitted_at=submitted,
                sdg_targets=sorted(rng.sample([str(n) for n in range(1, 18)],
                                              rng.randint(0, 3)), key=int),
                interaction_plan=rng.choice(text.INTERACTION) if "interaction_plan" in
                call.fields else "",
                previous_messages=rng.choice(text.PREVIOUS) if "previous_messages" in
                call.fields else "",
                coalition=coalitions[i % len(coalitions)] if kind == SessionKind.DC_SESSION and
                coalitions else None)
            flaw = rng.choices(["", "gender", "online", "moderator", "unconfirmed"],
                               weights=[84, 6, 3, 3, 4])[0]
            created.append(proposal)
            plans.append((organisers, flaw, theme))
    _near_duplicates(rng, created, plans)
    Proposal.objects.bulk_create(created)
    rows, tag_links, question_links = [], [], []
    for proposal, (organisers, flaw, theme) in zip(created, plans, strict=True):
        rows += _people_rows(rng, proposal, organisers, speakers, flaw)
        for tag in rng.sample(tags_by_theme[theme.pk], rng.randint(1, 3)):
            tag_links.append(Proposal.tags.through(proposal_id=proposal.pk, tag_id=tag.pk))
        if "policy_questions" in proposal.call.fields:
            for q in rng.sample(questions[theme.pk], rng.randint(1, 2)):
                question_links.append(Proposal.policy_questions.through(
                    proposal_id=proposal.pk, policyquestion_id=q.pk))
    ProposalPerson.objects.bulk_create(rows)
    Proposal.tags.through.objects.bulk_create(tag_links)
    Proposal.policy_questions.through.objects.bulk_create(question_links)
    return created


def _near_duplicates(rng, created, plans):
    """A few proposals sent twice by different organisations with a slightly reworded text."""
    workshops = [i for i, p in enumerate(created) if p.kind == SessionKind.WORKSHOP]
    for a, b in zip(rng.sample(workshops, 6), rng.sample(workshops, 6), strict=True):
        if a == b:
            continue
        source, target = created[a], created[b]
        target.title = source.title.replace(":", " —") + " (2)" if ":" in source.title \
            else "Revisiting " + source.title[0].lower() + source.title[1:]
        target.description = source.description.replace("This session", "Our workshop")
        target.theme = source.theme
        plans[b] = (plans[b][0], plans[b][1], source.theme)


def _screen(edition, created):
    """Run the rules as the Secretariat did: out when a rule refusing submission fails (a
    few withdrawn, a few left unscreened in the still open call, a few drafts)."""
    loaded = list(Proposal.objects.filter(pk__in=[p.pk for p in created])
                  .select_related("call").prefetch_related("people"))
    results = check_many(edition, loaded)
    updates = []
    for n, p in enumerate(sorted(loaded, key=lambda p: p.pk)):
        failing = [r for r in results[p.pk] if r.blocking]
        if p.call.is_open():
            p.status = ProposalStatus.DRAFT if n % 6 == 0 else ProposalStatus.SUBMITTED
            if p.status == ProposalStatus.DRAFT:
                p.submitted_at = None
        elif n % 29 == 3:
            p.status, p.withdrawn_at = ProposalStatus.WITHDRAWN, p.submitted_at
        elif failing:
            p.status, p.screening_note = ProposalStatus.SCREENED_OUT, failing[0].message
            p.screened_at = p.call.closes_at + datetime.timedelta(days=5)
        else:
            p.status = ProposalStatus.SCREENED_IN
            p.screened_at = p.call.closes_at + datetime.timedelta(days=5)
        updates.append(p)
    Proposal.objects.bulk_update(updates, ["status", "screening_note", "screened_at",
                                           "withdrawn_at", "submitted_at"], batch_size=500)


def _demo_proposer(edition, calls):
    """The demo proposer organises one workshop (screened in) and has a draft networking
    session to finish; the demo participant speaks in it."""
    proposer = Person.objects.get(email="proposer@demo.openigf.org")
    first = (Proposal.objects.filter(edition=edition, kind=SessionKind.WORKSHOP,
                                     status=ProposalStatus.SCREENED_IN)
             .order_by("pk").first())
    if first:
        ProposalPerson.objects.create(
            proposal=first, person=proposer, name=proposer.name, email=proposer.email,
            role=PersonRole.ORGANISER, stakeholder_group=proposer.stakeholder_group,
            regional_group=proposer.regional_group, gender=proposer.gender,
            country_id=proposer.country_id, confirmed=True, order=9)
    draft = Proposal.objects.create(
        edition=edition, call=calls[SessionKind.NETWORKING], kind=SessionKind.NETWORKING,
        created_by=proposer,
        title="Women in Internet governance: a networking evening",
        description="An informal meeting for women working on Internet governance in Africa "
                    "and beyond, to meet mentors and plan joint sessions for next year.",
        organisation="Women@Web Nigeria", duration=60, status=ProposalStatus.DRAFT)
    ProposalPerson.objects.create(
        proposal=draft, person=proposer, name=proposer.name, email=proposer.email,
        role=PersonRole.ORGANISER, stakeholder_group=proposer.stakeholder_group,
        regional_group=proposer.regional_group, gender=proposer.gender,
        country_id=proposer.country_id, confirmed=True)


def load(ctx):
    with ctx.step("proposals.calls") as run:
        if run:
            edition = Edition.objects.get(forum__slug="igf", slug="2019")
            _calls(edition)
    # The DC sessions name coalitions of the community registry (its step, run early).
    with ctx.step("community.coalitions") as run:
        if run:
            community_demo._coalitions(ctx, Forum.objects.get(slug="igf"))
    with ctx.step("proposals.proposals") as run:
        if run:
            edition = Edition.objects.get(forum__slug="igf", slug="2019")
            calls = {c.kind: c for c in Call.objects.filter(edition=edition)}
            created = _proposals(ctx, edition, calls)
            _screen(edition, created)
            _demo_proposer(edition, calls)
