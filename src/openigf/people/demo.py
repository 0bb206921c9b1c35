"""Demo people: a few hundred participants from many countries, and the demo accounts."""

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from openigf.core.demo import DEMO_PASSWORD
from openigf.people.demo_names import JOB_TITLES, NAMES, ORGANISATIONS
from openigf.people.enums import Gender, StakeholderGroup
from openigf.people.models import Country, Person

REGION_WEIGHTS = {"african": 24, "asia_pacific": 24, "eeg": 14, "grulac": 16, "weog": 22}
GROUP_WEIGHTS = {"government": 20, "igo": 6, "civil_society": 27, "private_sector": 17,
                 "technical": 17, "academia": 13}
DEMO_ACCOUNTS = [
    # email, name, group, country iso2, gender, superuser
    ("secretariat@demo.openigf.org", "Amina Chowdhury", "igo", "CH", "female", True),
    ("mag@demo.openigf.org", "Rafael Morales", "civil_society", "BR", "male", False),
    ("proposer@demo.openigf.org", "Nnenna Adeyemi", "civil_society", "NG", "female", False),
    ("participant@demo.openigf.org", "Jan Kowalski", "academia", "PL", "male", False),
    ("focalpoint@demo.openigf.org", "Fatou Sow", "technical", "SN", "female", False),
]
PEOPLE_COUNT = 360


def _countries_by_group():
    result = {}
    for country in Country.objects.filter(un_member=True):
        result.setdefault(country.regional_group, []).append(country)
    return result


def _person(rng, index, region, countries, password_hash):
    gender = "female" if rng.random() < 0.46 else "male"
    if rng.random() < 0.03:
        gender = rng.choice([Gender.NON_BINARY, Gender.UNDISCLOSED])
    bank = NAMES[region]
    given = rng.choice(bank["female" if gender == "female" else "male"] if gender in
                       ("female", "male") else bank["female"] + bank["male"])
    family = rng.choice(bank["family"])
    group = rng.choices(list(GROUP_WEIGHTS), weights=list(GROUP_WEIGHTS.values()))[0]
    country = rng.choice(countries[region])
    slug = f"{given}.{family}".lower().replace(" ", "").replace("'", "")
    return Person(
        email=f"{slug}.{index}@example.org",
        name=f"{given} {family}",
        stakeholder_group=group,
        regional_group="igo" if group == "igo" else region,
        country=country,
        gender=gender,
        organisation=f"{rng.choice(ORGANISATIONS[group])}, {country.name}"
        if group not in ("igo",) else rng.choice(ORGANISATIONS[group]),
        job_title=rng.choice(JOB_TITLES[group]),
        first_time=rng.random() < 0.35,
        youth=rng.random() < 0.18,
        parliamentarian=group == "government" and rng.random() < 0.15,
        preferred_language=rng.choice(["en"] * 6 + ["fr", "es", "ar", "ru", "zh-hans"]),
        password=password_hash,
    )


def load(ctx):
    with ctx.step("people.accounts") as run:
        if run:
            password_hash = make_password(DEMO_PASSWORD)
            countries = {c.iso2: c for c in Country.objects.all()}
            for email, name, group, iso2, gender, admin in DEMO_ACCOUNTS:
                country = countries[iso2]
                Person.objects.update_or_create(email=email, defaults=dict(
                    name=name, stakeholder_group=group, country=country, gender=gender,
                    regional_group="igo" if group == StakeholderGroup.INTERGOVERNMENTAL
                    else country.regional_group,
                    organisation="IGF Secretariat" if admin else "",
                    password=password_hash, is_staff=admin, is_superuser=admin,
                    email_verified=timezone.now()))
    with ctx.step("people.people") as run:
        if run:
            rng = ctx.rng("people")
            countries = _countries_by_group()
            password_hash = make_password(None)  # demo people have no password
            regions = rng.choices(list(REGION_WEIGHTS), weights=list(REGION_WEIGHTS.values()),
                                  k=PEOPLE_COUNT)
            Person.objects.bulk_create(
                _person(rng, i, region, countries, password_hash)
                for i, region in enumerate(regions))
