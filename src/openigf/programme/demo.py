"""Demo programme: the rooms of UNESCO Paris (2018) and of the Estrel Berlin (2019), the
2019 sessions (from accepted proposals, and the Secretariat's opening, main and closing
sessions) scheduled and published twice, and the 2018 MAG meeting whose transcript is real."""

import datetime
from zoneinfo import ZoneInfo

from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition
from openigf.programme import domain
from openigf.programme.models import Room, Session
from openigf.proposals.domain import proposal_decide
from openigf.proposals.models import Proposal

ROOMS_2019 = [  # name, capacity, interpretation
    ("Plenary Hall", 1500, True), ("Convention Hall I-A", 600, True),
    ("Convention Hall I-C", 600, True), ("Convention Hall II", 400, False),
    ("Saal Europa", 300, False), ("Estrel Saal A", 250, False), ("Estrel Saal B", 250, False),
    ("Raum I", 120, False), ("Raum II", 120, False), ("Raum III", 100, False),
    ("Raum IV", 100, False), ("Raum V", 80, False),
]
ROOMS_2018 = [("Room I", 1200, True), ("Room II", 400, True), ("Room III", 200, False),
              ("Room IV", 200, False), ("Room V", 150, False), ("Room VI", 150, False),
              ("Room VII", 100, False), ("Room IX", 100, False), ("Room X", 80, False),
              ("Room XI", 80, False), ("Room XII", 60, False)]


def load(ctx):
    load_rooms(ctx)
    load_sessions(ctx)


def load_rooms(ctx):
    with ctx.step("programme.rooms") as run:
        if run:
            for slug, rooms in (("2018", ROOMS_2018), ("2019", ROOMS_2019)):
                edition = Edition.objects.get(forum__slug="igf", slug=slug)
                Room.objects.bulk_create(
                    Room(edition=edition, name=name, capacity=capacity,
                         interpretation=interpretation, hybrid=True, webcast=True,
                         step_free=True, order=i)
                    for i, (name, capacity, interpretation) in enumerate(rooms))


# How many proposals of each type the demo accepts when no evaluation has decided yet.
ACCEPT_QUOTA = {SessionKind.WORKSHOP: 70, SessionKind.OPEN_FORUM: 35, SessionKind.DC_SESSION: 12,
                SessionKind.BPF_SESSION: 4, SessionKind.NRI_SESSION: 6, SessionKind.TOWN_HALL: 12,
                SessionKind.LAUNCH_AWARD: 8, SessionKind.NETWORKING: 8,
                SessionKind.LIGHTNING_TALK: 12, SessionKind.DAY_ZERO: 10}

MAIN_SESSIONS_2019 = [
    ("Opening ceremony", SessionKind.OPENING, "2019-11-26T10:00", 90),
    ("Main session: Data governance", SessionKind.MAIN, "2019-11-26T15:00", 90),
    ("Main session: Digital inclusion", SessionKind.MAIN, "2019-11-27T10:00", 90),
    ("Main session: Security, safety, stability and resilience", SessionKind.MAIN,
     "2019-11-27T15:00", 90),
    ("Main session: Emerging technologies", SessionKind.MAIN, "2019-11-28T10:00", 90),
    ("Main session: NRIs collaborative session on local content", SessionKind.MAIN,
     "2019-11-28T15:00", 90),
    ("High-level session: Digital cooperation", SessionKind.HIGH_LEVEL, "2019-11-25T10:00", 90),
    ("High-level session: Parliamentarians roundtable", SessionKind.HIGH_LEVEL,
     "2019-11-25T14:30", 90),
    ("Closing ceremony", SessionKind.CLOSING, "2019-11-29T16:00", 60),
]


def load_sessions(ctx):
    edition = Edition.objects.get(forum__slug="igf", slug="2019")
    with ctx.step("programme.sessions_2019") as run:
        if run:
            decided = set(Proposal.objects.filter(edition=edition,
                                                  status__in=["accepted", "conditional",
                                                              "rejected", "waitlisted"])
                          .values_list("kind", flat=True))
            rng = ctx.rng("programme.accept")
            for kind, quota in ACCEPT_QUOTA.items():
                if kind in decided:  # the MAG's evaluation decided this type
                    continue
                pool = list(Proposal.objects.filter(edition=edition, kind=kind,
                                                    status="screened_in").order_by("pk"))
                rng.shuffle(pool)
                for proposal in pool[:quota]:
                    proposal_decide(proposal=proposal, status="accepted", notify=False,
                                    note="Accepted in the demo.")
            domain.sessions_from_accepted(edition=edition)
            tz = ZoneInfo(edition.timezone)
            plenary = Room.objects.get(edition=edition, name="Plenary Hall")
            for title, kind, start, duration in MAIN_SESSIONS_2019:
                starts = datetime.datetime.fromisoformat(start).replace(tzinfo=tz)
                domain.session_create(
                    edition=edition, kind=kind, title=title, duration=duration,
                    description=f"{title} of the Fourteenth Internet Governance Forum.",
                    starts_at=starts, room=plenary, fixed=True,
                    language="en", needs=["interpretation", "webcast"],
                    exclusive=kind in (SessionKind.OPENING, SessionKind.CLOSING))
            domain.windows_create_daily(edition=edition, morning=("09:00", "13:00"),
                                        afternoon=("14:30", "18:30"))
    with ctx.step("programme.schedule_2019") as run:
        if run:
            domain.schedule_solve(edition=edition, time_limit=3)
            domain.release_publish(edition=edition, note="First programme.")
            moved = list(Session.objects.filter(edition=edition, kind=SessionKind.WORKSHOP,
                                                fixed=False).order_by("pk")[:2])
            if len(moved) == 2:
                a, b = moved
                a_start, a_room = a.starts_at, a.room
                domain.session_place(session=a, starts_at=b.starts_at, room=b.room)
                domain.session_place(session=b, starts_at=a_start, room=a_room)
                domain.release_publish(edition=edition, accept_broken=True,
                                       note="Two workshops swapped at their organisers' request.")
    edition_2018 = Edition.objects.get(forum__slug="igf", slug="2018")
    with ctx.step("programme.sessions_2018") as run:
        if run:
            tz = ZoneInfo(edition_2018.timezone)
            room = Room.objects.filter(edition=edition_2018).order_by("order")[1]
            domain.session_create(
                edition=edition_2018, kind=SessionKind.HIGH_LEVEL,
                title="Meeting of the MAG with UN DESA",
                description="The Multistakeholder Advisory Group meets the Under-Secretary-"
                            "General of the UN Department of Economic and Social Affairs, "
                            "the institutional home of the IGF.",
                duration=90, starts_at=datetime.datetime(2018, 11, 12, 13, 0, tzinfo=tz),
                room=room, fixed=True, expected_audience=120,
                people=[dict(name="Lynn St. Amour", role="moderator",
                             organisation="MAG Chair", stakeholder_group="civil_society",
                             regional_group="weog", gender="female"),
                        dict(name="Liu Zhenmin", role="speaker",
                             organisation="UN DESA", stakeholder_group="igo",
                             regional_group="igo", gender="male"),
                        dict(name="Stefan Schweinfest", role="speaker",
                             organisation="UN DESA", stakeholder_group="igo",
                             regional_group="igo", gender="male"),
                        dict(name="Chengetai Masango", role="organiser",
                             organisation="IGF Secretariat", stakeholder_group="igo",
                             regional_group="igo", gender="male")])
            domain.release_publish(edition=edition_2018, note="Programme of IGF 2018.")
