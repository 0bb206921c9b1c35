"""The demo forums: the IGF with 2018 (Paris) and 2019 (Berlin), and one NRI, the African IGF."""

import datetime
import zoneinfo

from openigf.forums import domain
from openigf.forums.enums import ForumKind, Role
from openigf.forums.models import Edition, Forum, Membership
from openigf.people.models import Country, Person

THEMES_2019 = [
    {
        "name": "Data Governance", "slug": "data-governance", "colour": "#1f5f99",
        "narrative": (
            "Data now drives economies and public services, yet the rules that govern how it is "
            "collected, shared and protected differ from one jurisdiction to the next. This theme "
            "asks how data can serve development and human rights at the same time: how people "
            "keep control of their personal data, how data can flow across borders with trust, "
            "and how the benefits of a data-driven economy reach developing countries."),
        "tags": ["Data protection", "Cross-border data flows", "Artificial intelligence",
                 "Data-driven economy", "Privacy", "Digital identity", "Open data",
                 "Algorithms and accountability"],
        "questions": [
            "How can data governance frameworks protect human rights while enabling innovation "
            "and development?",
            "What principles should guide the flow of data across borders so that all countries "
            "benefit?",
            "How can individuals understand and exercise control over the data collected about "
            "them?",
            "What safeguards are needed when algorithms and artificial intelligence use personal "
            "data to make decisions?",
        ],
    },
    {
        "name": "Digital Inclusion", "slug": "digital-inclusion", "colour": "#2a7a33",
        "narrative": (
            "Half of the world's people are not yet online, and many who are lack affordable, "
            "meaningful access. Inclusion is more than connectivity: it means skills, content in "
            "local languages, accessibility for persons with disabilities, and the participation "
            "of women, youth and marginalised communities in shaping the Internet."),
        "tags": ["Access and connectivity", "Accessibility", "Gender digital divide",
                 "Multilingualism", "Community networks", "Digital literacy", "Youth",
                 "Local content"],
        "questions": [
            "What policies make meaningful and affordable access possible for the unconnected?",
            "How can digital inclusion policies address the needs of women, youth, persons with "
            "disabilities and rural communities?",
            "What role can community networks and local content play in closing the divide?",
            "How can capacity development help people benefit from the digital economy?",
        ],
    },
    {
        "name": "Security, Safety, Stability and Resilience", "slug": "security-safety",
        "colour": "#a02422",
        "narrative": (
            "A secure and stable Internet is a precondition for trust in the digital economy and "
            "for the exercise of rights online. This theme covers cybersecurity norms and "
            "capacity, the protection of critical infrastructure, online safety of children and "
            "vulnerable groups, harmful content and disinformation, and the cooperation of all "
            "stakeholders needed to respond to incidents across borders."),
        "tags": ["Cybersecurity norms", "Critical infrastructure", "Child online protection",
                 "Disinformation", "Cybercrime", "Trust", "Capacity building",
                 "Internet resilience"],
        "questions": [
            "How can all stakeholders cooperate to implement cybersecurity norms and build "
            "capacity where it is lacking?",
            "What approaches to harmful content and disinformation respect freedom of "
            "expression?",
            "How can the public core of the Internet and critical infrastructure be protected?",
            "What makes the Internet safer for children and vulnerable groups?",
        ],
    },
]

THEMES_2018 = [
    ("Cybersecurity, Trust and Privacy", "cybersecurity-trust-privacy"),
    ("Development, Innovation and Economic Issues", "development-innovation"),
    ("Digital Inclusion and Accessibility", "digital-inclusion-accessibility"),
    ("Emerging Technologies", "emerging-technologies"),
    ("Evolution of Internet Governance", "evolution-of-ig"),
    ("Human Rights, Gender and Youth", "human-rights-gender-youth"),
    ("Media and Content", "media-and-content"),
    ("Technical and Operational Topics", "technical-operational"),
]

# MAG of 2019: governments at most 40%, the other groups in equal shares; regional balance.
MAG_2019 = {"government": 20, "civil_society": 11, "private_sector": 11, "technical": 8,
            "academia": 3, "igo": 2}
REGIONS = ["african", "asia_pacific", "eeg", "grulac", "weog"]


def _at(tz, y, m, d, hour=0, minute=0):
    return datetime.datetime(y, m, d, hour, minute, tzinfo=zoneinfo.ZoneInfo(tz))


def _igf_editions(forum, countries):
    paris = domain.edition_create(
        forum=forum, year=2018, number=13, title="IGF 2018 Paris",
        theme="The Internet of Trust", host_city="Paris", host_country=countries["FR"],
        start_date=datetime.date(2018, 11, 12), end_date=datetime.date(2018, 11, 14),
        timezone="Europe/Paris",
        description="The thirteenth annual meeting of the Internet Governance Forum, hosted by "
                    "the Government of France at UNESCO Headquarters in Paris.",
        call_for_issues_opens=_at("Europe/Paris", 2017, 12, 20),
        call_for_issues_closes=_at("Europe/Paris", 2018, 1, 31),
        call_for_proposals_opens=_at("Europe/Paris", 2018, 3, 5),
        call_for_proposals_closes=_at("Europe/Paris", 2018, 4, 20),
        evaluation_opens=_at("Europe/Paris", 2018, 5, 2),
        evaluation_closes=_at("Europe/Paris", 2018, 5, 28),
        registration_opens=_at("Europe/Paris", 2018, 7, 2),
        registration_closes=_at("Europe/Paris", 2018, 11, 9),
        meeting_opens=_at("Europe/Paris", 2018, 11, 12, 9),
        meeting_closes=_at("Europe/Paris", 2018, 11, 14, 19),
        reporting_opens=_at("Europe/Paris", 2018, 11, 12, 9),
        reporting_closes=_at("Europe/Paris", 2018, 12, 14),
    )
    berlin = domain.edition_create(
        forum=forum, year=2019, number=14, title="IGF 2019 Berlin",
        theme="One World. One Net. One Vision.", host_city="Berlin",
        host_country=countries["DE"],
        start_date=datetime.date(2019, 11, 25), end_date=datetime.date(2019, 11, 29),
        timezone="Europe/Berlin",
        description="The fourteenth annual meeting of the Internet Governance Forum, hosted by "
                    "the Government of Germany at the Estrel Congress Center in Berlin: Day 0 "
                    "on 25 November and four days of sessions in three thematic tracks.",
        call_for_issues_opens=_at("Europe/Berlin", 2018, 12, 18),
        call_for_issues_closes=_at("Europe/Berlin", 2019, 1, 31),
        # The same dates as the call for workshops (proposals/demo.py).
        call_for_proposals_opens=_at("Europe/Berlin", 2019, 3, 4, 9),
        call_for_proposals_closes=_at("Europe/Berlin", 2019, 4, 12, 23, 59),
        evaluation_opens=_at("Europe/Berlin", 2019, 4, 22),
        evaluation_closes=_at("Europe/Berlin", 2019, 5, 20),
        registration_opens=_at("Europe/Berlin", 2019, 6, 17),
        registration_closes=_at("Europe/Berlin", 2019, 11, 22),
        meeting_opens=_at("Europe/Berlin", 2019, 11, 25, 9),
        meeting_closes=_at("Europe/Berlin", 2019, 11, 29, 19),
        reporting_opens=_at("Europe/Berlin", 2019, 11, 25, 9),
        reporting_closes=_at("Europe/Berlin", 2019, 12, 13),
    )
    return paris, berlin


def _themes(paris, berlin):
    for order, theme in enumerate(THEMES_2019):
        domain.theme_save(edition=berlin, name=theme["name"], slug=theme["slug"],
                          narrative=theme["narrative"], colour=theme["colour"], order=order,
                          tags=theme["tags"], policy_questions=theme["questions"])
    palette = ["#1f5f99", "#6a3d9a", "#2a7a33", "#8a4b08", "#005f60", "#a02422", "#4d4d4d",
               "#7a5c00"]
    for order, (name, slug) in enumerate(THEMES_2018):
        domain.theme_save(edition=paris, name=name, slug=slug, colour=palette[order],
                          order=order)


def _pick_mag(rng, quota, exclude=()):
    """Members for each stakeholder group, spread over the regional groups and both genders."""
    chosen = []
    for group, n in quota.items():
        pool = list(Person.objects.filter(stakeholder_group=group, email__endswith="example.org")
                    .exclude(pk__in=exclude).order_by("pk"))
        rng.shuffle(pool)
        for i in range(n):
            region = "igo" if group == "igo" else REGIONS[i % len(REGIONS)]
            gender = "female" if i % 2 == 0 else "male"
            match = next((p for p in pool if p.regional_group == region and p.gender == gender),
                         None) or next((p for p in pool if p.regional_group == region), None) \
                or pool[0]
            pool.remove(match)
            chosen.append(match)
    return chosen


def _mag(ctx, paris, berlin):
    rng = ctx.rng("mag")
    mag_2019 = _pick_mag(rng, MAG_2019)
    mag_2019[0:1] = [Person.objects.get(email="mag@demo.openigf.org")]
    # About a third rotates each year: two thirds of the 2019 MAG served in 2018 too.
    stayed = mag_2019[: len(mag_2019) * 2 // 3]
    newcomers_2018 = _pick_mag(rng, {g: max(1, n // 3) for g, n in MAG_2019.items()},
                               exclude=[p.pk for p in mag_2019])
    for edition, members in ((berlin, mag_2019), (paris, stayed + newcomers_2018)):
        Membership.objects.bulk_create(
            Membership(forum=edition.forum, edition=edition, person=p, role=Role.MAG)
            for p in members)


def load(ctx):
    countries = {c.iso2: c for c in Country.objects.all()}
    with ctx.step("forums.igf") as run:
        if run:
            igf = domain.forum_create(
                slug="igf", name="Internet Governance Forum", kind=ForumKind.GLOBAL,
                website="https://www.intgovforum.org",
                description="The United Nations' multistakeholder forum for policy dialogue on "
                            "issues of Internet governance, convened yearly since 2006.")
            paris, berlin = _igf_editions(igf, countries)
            _themes(paris, berlin)
            secretariat = Person.objects.get(email="secretariat@demo.openigf.org")
            domain.membership_grant(forum=igf, person=secretariat, role=Role.SECRETARIAT)
    with ctx.step("forums.mag") as run:
        if run:
            igf = Forum.objects.get(slug="igf")
            _mag(ctx, igf.editions.get(slug="2018"), igf.editions.get(slug="2019"))
    with ctx.step("forums.nri") as run:
        if run:
            afigf = domain.forum_create(
                slug="afigf", name="African Internet Governance Forum",
                kind=ForumKind.REGIONAL, regional_group="african",
                website="https://afigf.africa",
                description="The regional IGF of Africa, one of the national, regional and "
                            "youth initiatives (NRIs) of the IGF.")
            edition = domain.edition_create(
                forum=afigf, year=2019, number=8, title="AfIGF 2019 N'Djamena",
                theme="Shaping Africa's Digital Future", host_city="N'Djamena",
                host_country=countries["TD"], start_date=datetime.date(2019, 9, 10),
                end_date=datetime.date(2019, 9, 12), timezone="Africa/Ndjamena")
            focal_point = Person.objects.get(email="focalpoint@demo.openigf.org")
            domain.membership_grant(forum=afigf, person=focal_point, role=Role.SECRETARIAT)
            domain.theme_save(edition=edition, name="Access and inclusion", slug="access",
                              order=0)
            domain.theme_save(edition=edition, name="Cybersecurity and trust",
                              slug="cybersecurity", order=1)
    assert Edition.objects.filter(forum__slug="igf", slug__in=["2018", "2019"]).count() == 2
