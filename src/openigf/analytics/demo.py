"""Demo history for the participation statistics: the IGF's annual meetings of 2015 (João
Pessoa), 2016 (Guadalajara) and 2017 (Geneva) beside the demo's 2018 (Paris) and 2019
(Berlin), and a second edition of the African IGF, so that trends and "missing for five
years" mean something.

Dates, hosts and themes are the real ones; participation is DEMO DATA, invented and scaled
like the demo's 2019 (3,000 registrations for Berlin's 6,631 participants, 3,679 of them
onsite): the host country sends many, the share online grows each year, and about thirty
small or distant member states never come, the others now and then.
"""

import datetime

from django.contrib.auth.hashers import make_password

from openigf.forums import domain as forums_domain
from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition, Forum
from openigf.people.demo import REGION_WEIGHTS, _person
from openigf.people.models import Country, Person
from openigf.programme.models import Session, SessionPerson, SessionStatus
from openigf.proposals.models import ProposalPerson
from openigf.registration.models import Registration, RegistrationStatus

DEMO_NOTE = ("Demo data: the dates, host and theme are real; the participation figures are "
             "invented, scaled like the demo's 2019.")
# year, number, title, theme, city, host ISO, zone, first day, last day, registrations,
# share online, share of member states (outside the hard to reach) that send someone, sessions
IGF_HISTORY = [
    (2015, 10, "IGF 2015 João Pessoa",
     "Evolution of Internet Governance: Empowering Sustainable Development", "João Pessoa",
     "BR", "America/Fortaleza", datetime.date(2015, 11, 10), datetime.date(2015, 11, 13),
     1400, 0.22, 0.62, 55),
    (2016, 11, "IGF 2016 Guadalajara", "Enabling Inclusive and Sustainable Growth",
     "Guadalajara", "MX", "America/Mexico_City", datetime.date(2016, 12, 6),
     datetime.date(2016, 12, 9), 1250, 0.26, 0.58, 60),
    (2017, 12, "IGF 2017 Geneva", "Shape Your Digital Future!", "Geneva", "CH",
     "Europe/Zurich", datetime.date(2017, 12, 18), datetime.date(2017, 12, 21), 1500, 0.30,
     0.72, 65),
    (2018, 13, None, None, None, "FR", None, None, None, 1900, 0.34, 0.78, 60),
]
HARD_TO_REACH = 30  # member states no demo edition hears from
HOST_SHARE = 0.15
RETURNING = 0.3
CHECKED_IN = 0.78
AFIGF_2018 = dict(year=2018, number=7, title="AfIGF 2018 Khartoum", host_city="Khartoum",
                  theme="Development of the Digital Economy and Emerging Technologies in "
                        "Africa", start_date=datetime.date(2018, 11, 1),
                  end_date=datetime.date(2018, 11, 3), timezone="Africa/Khartoum")


def load(ctx):
    with ctx.step("analytics.igf_history") as run:
        if run:
            _igf_history(ctx)
    with ctx.step("analytics.afigf_history") as run:
        if run:
            _afigf_history(ctx)


def _hard_to_reach(rng, states) -> set[str]:
    """Small island and least developed states (not those of the demo accounts): those the
    IGF finds hardest to bring."""
    accounts = set(Person.objects.filter(email__endswith="@demo.openigf.org")
                   .values_list("country_id", flat=True))
    remote = sorted(c.m49 for c in states if (c.sids or c.ldc) and c.m49 not in accounts)
    return set(rng.sample(remote, HARD_TO_REACH))


def _by_region(countries):
    result = {}
    for country in countries:
        result.setdefault(country.regional_group, []).append(country)
    return result


class _People:
    """New demo people (bulk-created once) and who came before, for returning participants."""

    def __init__(self, rng):

        self.rng, self.unusable, self.index = rng, make_password(None), 60000
        self.came: list[Person] = []

    def new(self, countries_by_region, host, count, weights=REGION_WEIGHTS) -> list[Person]:
        regions = list(weights)
        made = []
        for _i in range(count):
            self.index += 1
            if self.rng.random() < HOST_SHARE:
                person = _person(self.rng, self.index, host.regional_group,
                                 {host.regional_group: [host]}, self.unusable)
            else:
                region = self.rng.choices(regions, list(weights.values()))[0]
                person = _person(self.rng, self.index, region, countries_by_region,
                                 self.unusable)
            person.email = person.email.replace("@example.org", "@history.example.net")
            made.append(person)
        return made


def _register(edition, people, rng, *, online_share, first_time):
    rows = []
    for person in people:
        onsite = rng.random() >= online_share
        rows.append(Registration(
            edition=edition, person=person, attendance="onsite" if onsite else "online",
            status=RegistrationStatus.CONFIRMED, stakeholder_group=person.stakeholder_group,
            regional_group=person.regional_group, gender=person.gender,
            country=person.country, first_time=first_time(person),
            checked_in_at=datetime.datetime.combine(edition.start_date, datetime.time(8),
                                                    datetime.UTC)
            if onsite and rng.random() < CHECKED_IN else None))
    Registration.objects.bulk_create(rows, batch_size=2000)
    return rows


def _sessions(edition, registered, count, rng):
    """``count`` confirmed sessions, each with an organiser, three speakers and a moderator
    drawn from the edition's onsite registrants."""
    onsite = [r.person for r in registered if r.attendance == "onsite"]
    sessions = Session.objects.bulk_create(
        Session(edition=edition, kind=SessionKind.WORKSHOP, status=SessionStatus.CONFIRMED,
                duration=90,
                title=f"Workshop {n} of {edition.year} (demo)")
        for n in range(1, count + 1))
    people = []
    for session in sessions:
        for order, (role, person) in enumerate(zip(
                ["organiser", "speaker", "speaker", "speaker", "moderator"],
                rng.sample(onsite, 5), strict=True)):
            people.append(SessionPerson(
                session=session, person=person, name=person.name, role=role,
                stakeholder_group=person.stakeholder_group,
                regional_group=person.regional_group, gender=person.gender,
                onsite=rng.random() < 0.9, order=order))
    SessionPerson.objects.bulk_create(people, batch_size=2000)


def _igf_history(ctx):
    rng = ctx.rng("analytics.igf_history")
    igf = Forum.objects.get(slug="igf")
    states = list(Country.objects.filter(un_member=True).order_by("m49"))
    countries = {c.iso2: c for c in Country.objects.exclude(iso2="")}
    never = _hard_to_reach(rng, states)
    _keep_2019_away(never, states)
    pool = _People(rng)
    seen: set[int] = set()
    for (year, number, title, theme, city, host, zone, first, last, count, online, reach,
         sessions) in IGF_HISTORY:
        edition = igf.editions.filter(year=year).first() or forums_domain.edition_create(
            forum=igf, year=year, number=number, title=title, theme=theme, host_city=city,
            host_country=countries[host], start_date=first, end_date=last, timezone=zone,
            description=DEMO_NOTE)
        reached = [c for c in states if c.m49 not in never and rng.random() < reach]
        returning = [p for p in pool.came if p.country in reached]
        returning = rng.sample(returning, min(len(returning), int(count * RETURNING)))
        new = pool.new(_by_region(reached), countries[host], count - len(returning))
        Person.objects.bulk_create(new, batch_size=2000)
        people = returning + new
        registered = _register(edition, people, rng, online_share=online,
                               first_time=lambda p: p.pk not in seen)
        seen.update(p.pk for p in people)
        pool.came.extend(new)
        _sessions(edition, registered, sessions, rng)


def _keep_2019_away(never: set[str], states) -> None:
    """In the demo, the 2019 people of the hard-to-reach states come from another state of
    their region instead, so that those states are missing from every edition."""

    others = {}
    for country in states:
        if country.m49 not in never:
            others.setdefault(country.regional_group, []).append(country.m49)
    for n, country in enumerate(c for c in states if c.m49 in never):
        region = others[country.regional_group]
        instead = region[n % len(region)]
        for model in (Person, Registration, ProposalPerson):
            model.objects.filter(country_id=country.m49).update(country_id=instead)


def _afigf_history(ctx):
    rng = ctx.rng("analytics.afigf_history")
    afigf = Forum.objects.get(slug="afigf")
    sudan, chad = Country.objects.get(iso2="SD"), Country.objects.get(iso2="TD")
    old = afigf.editions.filter(year=2018).first() or forums_domain.edition_create(
        forum=afigf, host_country=sudan, description=DEMO_NOTE, **AFIGF_2018)
    african = list(Country.objects.filter(un_member=True, regional_group="african"))
    others = _by_region(Country.objects.filter(un_member=True).exclude(regional_group="african"))
    # A regional forum: nearly everyone from the region.
    weights = {"african": 88, "asia_pacific": 2, "eeg": 1, "grulac": 1, "weog": 8}
    pool = _People(rng)
    pool.index = 90000
    seen: set[int] = set()
    for edition, host, count in ((old, sudan, 260), (Edition.objects.get(
            forum=afigf, year=2019), chad, 320)):
        reached = [c for c in african if rng.random() < 0.55]
        returning = rng.sample(pool.came, min(len(pool.came), count // 4))
        new = pool.new({**others, "african": reached}, host, count - len(returning),
                       weights=weights)
        Person.objects.bulk_create(new, batch_size=2000)
        _register(edition, returning + new, rng, online_share=0.3,
                  first_time=lambda p: p.pk not in seen)
        seen.update(p.pk for p in returning + new)
        pool.came.extend(new)
