"""The community demo: 125 listed NRIs (88 national, 18 regional, 19 youth) and a few lapsed
or waiting, 18 Dynamic Coalitions, the four BPFs of 2019, MAG terms and working groups of
2018 and 2019 with a rotation plan, the CSTD improvement recommendations, and donors."""

import datetime
from decimal import Decimal
from pathlib import Path

from openigf.community import demo_data as data
from openigf.community.domain import donors as donor_domain
from openigf.community.domain import improvements as improvement_domain
from openigf.community.domain import mag as mag_domain
from openigf.community.domain import nris as nri_domain
from openigf.community.enums import (
    CoalitionStatus,
    FacilitatorRole,
    MagSeat,
    MeetingKind,
    NriKind,
    NriStatus,
    OutputKind,
    PlanDecision,
    WorkingGroupRole,
)
from openigf.community.importers import parse_recommendations
from openigf.community.models import (
    AnnualReport,
    BestPracticeForum,
    BpfFacilitator,
    BpfMeeting,
    BpfOutput,
    Coalition,
    CoalitionMember,
    CoalitionReport,
    Initiative,
    MagTerm,
    WorkingGroup,
    WorkingGroupMember,
)
from openigf.community.queries import mag as mag_queries
from openigf.forums import domain as forums_domain
from openigf.forums.enums import Role
from openigf.forums.models import Forum, Membership
from openigf.people.models import Country, Person

CSTD_CSV = Path(__file__).resolve().parent / "data" / "improvements-cstd-2012.csv"
AS_OF = datetime.date(2020, 4, 1)  # the reports of 2019 were due by 31 March 2020


def _short(country):
    return data.SHORT_NAMES.get(country.iso2, country.name)


def _initiative(igf, rng, *, name, kind, country=None, region="", area="", acronym="",
                status=NriStatus.RECOGNISED):
    slug = nri_domain.unique_slug(Initiative, {"forum": igf}, name)
    return Initiative(
        forum=igf, name=name, slug=slug, acronym=acronym, kind=kind, country=country,
        regional_group=country.regional_group if country else region, region_name=area,
        status=status, website="", mailing_list=f"{slug}@lists.demo.openigf.org",
        recognised_on=datetime.date(rng.randint(2008, 2017), rng.randint(1, 12), 1)
        if status != NriStatus.REQUESTED else None,
        description=f"The {name} brings together the stakeholders of "
                    f"{country.name if country else area} in an open, bottom-up and "
                    "multistakeholder dialogue on Internet governance.")


def _reports(rng, initiatives, years):
    rows = []
    for initiative in initiatives:
        for year in years:
            start = datetime.date(year, rng.randint(3, 11), rng.randint(1, 25))
            venue = initiative.country.name if initiative.country else initiative.region_name
            rows.append(AnnualReport(
                initiative=initiative, year=year, meeting_start=start,
                meeting_end=start + datetime.timedelta(days=rng.randint(0, 2)),
                venue=venue, participants=rng.randint(60, 900),
                participants_online=rng.randint(0, 1500),
                topics="\n".join(rng.sample(data.TOPICS, 4)),
                outputs="Messages of the meeting, shared with the global IGF."))
    AnnualReport.objects.bulk_create(rows)


def _nris(ctx, igf):
    rng = ctx.rng("community.nris")
    countries = {c.iso2: c for c in Country.objects.all()}
    rows = [_initiative(igf, rng, name=data.SPECIAL_NAMES.get(c) or
                        f"{_short(countries[c])} IGF", kind=NriKind.NATIONAL,
                        country=countries[c]) for c in data.NATIONAL]
    rows += [_initiative(igf, rng, name=name, acronym=acronym, kind=NriKind.REGIONAL,
                         region=region, area=area)
             for name, acronym, region, area in data.REGIONAL]
    rows += [_initiative(igf, rng, name=f"Youth IGF {_short(countries[c])}",
                         kind=NriKind.YOUTH, country=countries[c])
             for c in data.YOUTH_NATIONAL]
    rows += [_initiative(igf, rng, name=name, kind=NriKind.YOUTH, region=region, area=area)
             for name, region, area in data.YOUTH_REGIONAL]
    lapsing = [_initiative(igf, rng, name=f"{_short(countries[c])} IGF",
                           kind=NriKind.NATIONAL, country=countries[c]) for c in data.LAPSED]
    Initiative.objects.bulk_create(rows + lapsing)
    listed = list(Initiative.objects.filter(forum=igf, status=NriStatus.RECOGNISED))
    keep = [i for i in listed if i.country_id not in {countries[c].pk for c in data.LAPSED}
            or i.kind != NriKind.NATIONAL]
    _reports(rng, keep, (2018, 2019))
    _reports(rng, [i for i in listed if i not in keep], (2018,))
    nri_domain.initiatives_lapse_overdue(forum=igf, today=AS_OF)
    _african_igf(igf)
    focal = Person.objects.filter(email__endswith="example.org").order_by("pk")
    for initiative, person in zip(Initiative.objects.filter(forum=igf, kind=NriKind.NATIONAL)
                                  .order_by("name")[:40], focal[40:80], strict=True):
        initiative.focal_points.add(person)
    _pending(igf, countries, focal)


def _african_igf(igf):
    """The African IGF is also hosted here (forum ``afigf``); its Secretariat is its focal
    point."""
    afigf = Initiative.objects.get(forum=igf, acronym="AfIGF")
    nri_domain.initiative_update(initiative=afigf, hosted_forum=Forum.objects.get(slug="afigf"),
                                 website="https://afigf.africa", email="afigf@example.org")
    afigf.focal_points.add(Person.objects.get(email="focalpoint@demo.openigf.org"))
    AnnualReport.objects.filter(initiative=afigf, year=2019).update(
        meeting_start=datetime.date(2019, 9, 10), meeting_end=datetime.date(2019, 9, 12),
        venue="N'Djamena, Chad", topics="Shaping Africa's Digital Future\nAccess and "
        "inclusion\nCybersecurity and trust\nDigital economy")


def _pending(igf, countries, people):
    team = [{"name": p.name, "organisation": p.organisation,
             "stakeholder_group": p.stakeholder_group} for p in people[:5]]
    for (name, kind, iso2), person in zip(data.PENDING, people[100:102], strict=True):
        nri_domain.initiative_request_recognition(
            forum=igf, person=person, name=name, kind=kind, country=countries[iso2],
            principles=["open", "transparent", "inclusive", "bottom_up", "multistakeholder",
                        "non_commercial"], team=team,
            first_meeting=f"The first {name} met online and in the capital in 2019, with about "
                          "80 participants from government, civil society, the private sector "
                          "and the technical community.")


def _coalitions(ctx, igf):
    rng = ctx.rng("community.coalitions")
    people = list(Person.objects.filter(email__endswith="example.org").order_by("pk"))
    groups = ["civil_society", "private_sector", "technical", "academia", "government"]
    for name, acronym, founded, need, plan in data.COALITIONS:
        coalition = Coalition.objects.create(
            forum=igf, name=name, acronym=acronym, founded=founded, need=need,
            action_plan=plan, status=CoalitionStatus.ACTIVE,
            slug=acronym.lower().replace(" ", "-"),
            mailing_list=f"{acronym.lower()}@lists.demo.openigf.org")
        allowed = groups[:2] if acronym in data.TWO_GROUPS_ONLY else groups
        members = [p for p in rng.sample(people, 30) if p.stakeholder_group in allowed]
        members = members[: rng.randint(6, 12)]
        CoalitionMember.objects.bulk_create(
            CoalitionMember(coalition=coalition, person=p if i < 2 else None, name=p.name,
                            organisation=p.organisation, stakeholder_group=p.stakeholder_group,
                            email=p.email if i < 2 else "", coordinator=i < 2)
            for i, p in enumerate(members))
        years = [y for y in (2018, 2019) if y >= founded
                 and not (y == 2018 and acronym in data.NO_REPORT_2018)]
        CoalitionReport.objects.bulk_create(
            CoalitionReport(coalition=coalition, year=y, meetings=rng.randint(3, 12),
                            activities=f"In {y} the coalition held regular virtual meetings, "
                                       f"a session at the annual meeting, and worked on: "
                                       f"{plan[0].lower()}{plan[1:]}",
                            outputs="Yearly paper, published for community review.")
            for y in years)


def _bpfs(ctx, igf):
    rng = ctx.rng("community.bpfs")
    berlin = igf.editions.get(year=2019)
    mag = [m.person for m in mag_queries.mag_memberships(berlin)]
    experts = list(Person.objects.filter(email__endswith="example.org",
                                         stakeholder_group__in=["academia", "technical"])
                   .order_by("pk")[:8])
    for i, (name, slug, topic, output) in enumerate(data.BPFS_2019):
        bpf = BestPracticeForum.objects.create(
            edition=berlin, name=name, slug=slug, topic=topic,
            mailing_list=f"bpf-{slug}@lists.demo.openigf.org")
        BpfFacilitator.objects.bulk_create([
            BpfFacilitator(bpf=bpf, person=mag[2 * i + 1], role=FacilitatorRole.MAG),
            BpfFacilitator(bpf=bpf, person=mag[2 * i + 2], role=FacilitatorRole.MAG),
            BpfFacilitator(bpf=bpf, person=experts[i], role=FacilitatorRole.LEAD_EXPERT)])
        calls = [datetime.date(2019, m, rng.randint(5, 25)) for m in (3, 5, 7, 9)]
        BpfMeeting.objects.bulk_create(
            [BpfMeeting(bpf=bpf, date=d, kind=MeetingKind.VIRTUAL,
                        title=f"Virtual meeting {n}") for n, d in enumerate(calls, 1)]
            + [BpfMeeting(bpf=bpf, date=datetime.date(2019, 11, 26 + i % 3),
                          kind=MeetingKind.SESSION, title=f"{name} session at IGF 2019")])
        BpfOutput.objects.bulk_create([
            BpfOutput(bpf=bpf, title=f"{name}: call for contributions", kind=OutputKind.CALL,
                      published=datetime.date(2019, 6, 3),
                      summary="Open call for case studies and experiences."),
            BpfOutput(bpf=bpf, title=output, kind=OutputKind.DRAFT,
                      published=datetime.date(2019, 11, 8),
                      summary="Draft output document, open for comment until the meeting."),
            BpfOutput(bpf=bpf, title=output, kind=OutputKind.FINAL,
                      published=datetime.date(2020, 1, 20),
                      summary="Final output document, with the input of the session at "
                              "IGF 2019.")])


def _host_representative(edition, person, keep=()):
    """Seat the host country of Paris in both MAGs in place of a WEOG government member, so
    that the rule on hosts holds (through the forums domain, the one source of membership)."""
    seat = (Membership.objects.filter(edition=edition, role=Role.MAG,
                                      person__stakeholder_group="government",
                                      person__regional_group="weog")
            .exclude(person__email__endswith="demo.openigf.org")
            .exclude(person__country=edition.host_country)
            .exclude(person_id__in=keep).order_by("pk").last())
    forums_domain.membership_revoke(membership=seat)
    mag_domain.mag_member_add(edition=edition, person=person, seat=MagSeat.HOST)


def _mag(ctx, igf):
    rng = ctx.rng("community.mag")
    paris, berlin = igf.editions.get(year=2018), igf.editions.get(year=2019)
    france = Country.objects.get(iso2="FR")
    host, _created = Person.objects.get_or_create(
        email="host.representative.fr@example.org",
        defaults={"name": "Claire Fontaine", "stakeholder_group": "government",
                  "country": france, "regional_group": "weog", "gender": "female",
                  "organisation": "Ministry for Europe and Foreign Affairs, France"})
    stayed = set(Membership.objects.filter(edition=berlin, role=Role.MAG)
                 .values_list("person_id", flat=True))
    terms_2018 = {}
    for m in Membership.objects.filter(edition=paris, role=Role.MAG):
        terms_2018[m.pk] = rng.choice([1, 2]) if m.person_id in stayed else rng.choice(
            [1, 2, 3, 3, 3])
    MagTerm.objects.bulk_create(MagTerm(membership_id=pk, term=t)
                                for pk, t in terms_2018.items())
    previous = dict(Membership.objects.filter(edition=paris, role=Role.MAG)
                    .values_list("person_id", "mag_term__term"))
    MagTerm.objects.bulk_create(
        MagTerm(membership=m, term=previous.get(m.person_id, 0) + 1)
        for m in Membership.objects.filter(edition=berlin, role=Role.MAG))
    _host_representative(paris, host, keep=stayed)
    _host_representative(berlin, host)
    chair = Membership.objects.filter(edition=berlin, role=Role.MAG,
                                      person__stakeholder_group="civil_society",
                                      mag_term__term=1).order_by("pk").first()
    MagTerm.objects.filter(membership=chair).update(seat=MagSeat.CHAIR)
    _working_groups(rng, berlin)
    lines = mag_queries.roster(berlin)
    decisions = mag_queries.plan_of(berlin, lines)
    for line in sorted(lines, key=lambda line: -line.term)[:18]:
        decisions[line.person.pk] = PlanDecision.LEAVE
    mag_domain.mag_plan_save(edition=berlin, decisions=decisions)


def _working_groups(rng, berlin):
    members = [m.person for m in mag_queries.mag_memberships(berlin)]
    demo_mag = Person.objects.get(email="mag@demo.openigf.org")
    for name, acronym, kind, mandate in data.WORKING_GROUPS:
        group = WorkingGroup.objects.create(edition=berlin, name=name, acronym=acronym,
                                            kind=kind, mandate=mandate)
        chosen = rng.sample(members, 8)
        if kind == "improvements":
            chosen = [demo_mag] + [p for p in chosen if p != demo_mag][:7]
        WorkingGroupMember.objects.bulk_create(
            WorkingGroupMember(group=group, person=p,
                               role=WorkingGroupRole.CO_CHAIR if i < 2 else
                               WorkingGroupRole.MEMBER) for i, p in enumerate(chosen))


def _donors(igf):
    countries = {c.iso2: c for c in Country.objects.all()}
    for name, kind, iso2, public, pledges in data.DONORS:
        donor = donor_domain.donor_save(forum=igf, name=name, kind=kind,
                                        country=countries.get(iso2), figures_public=public)
        for amount, currency, rate, first, last in pledges:
            pledge = donor_domain.pledge_add(
                donor=donor, amount=Decimal(amount), currency=currency,
                usd_rate=Decimal(rate), first_year=first, last_year=last,
                signed_on=datetime.date(first, 2, 15))
            for year in range(first, min(last, 2019) + 1):
                share = (pledge.amount / pledge.years).quantize(Decimal("0.01"))
                donor_domain.receipt_add(
                    pledge=pledge, received_on=datetime.date(year, 6, 30), amount=share,
                    amount_usd=(share * pledge.usd_rate).quantize(Decimal("0.01")),
                    reference=f"TF-{year}-{donor.pk:03d}")


def load(ctx):
    with ctx.step("community.nris") as run:
        if run:
            _nris(ctx, Forum.objects.get(slug="igf"))
    with ctx.step("community.coalitions") as run:
        if run:
            _coalitions(ctx, Forum.objects.get(slug="igf"))
    with ctx.step("community.bpfs") as run:
        if run:
            _bpfs(ctx, Forum.objects.get(slug="igf"))
    with ctx.step("community.mag") as run:
        if run:
            _mag(ctx, Forum.objects.get(slug="igf"))
    with ctx.step("community.improvements") as run:
        if run:
            improvement_domain.recommendations_import(
                forum=Forum.objects.get(slug="igf"),
                rows=parse_recommendations(CSTD_CSV.read_bytes()))
    with ctx.step("community.donors") as run:
        if run:
            _donors(Forum.objects.get(slug="igf"))
