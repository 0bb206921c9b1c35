import importlib.util
import json
from pathlib import Path

import pytest

from openigf.people.countries import countries_load
from openigf.people.models import Country
from tests.factories import PersonFactory


@pytest.mark.django_db
def test_m49_countries_are_loaded_with_their_flags_and_groups():
    members = Country.objects.filter(un_member=True)
    assert Country.objects.count() == 248
    assert members.count() == 193
    assert (Country.objects.filter(ldc=True).count(), Country.objects.filter(lldc=True).count(),
            Country.objects.filter(sids=True).count()) == (45, 32, 53)
    counts = {g: members.filter(regional_group=g).count()
              for g in ("african", "asia_pacific", "grulac", "weog", "eeg")}
    assert counts == {"african": 54, "asia_pacific": 54, "grulac": 33, "weog": 29, "eeg": 23}


@pytest.mark.django_db
def test_country_facts_and_names_in_the_un_languages():
    chad = Country.objects.get(iso2="TD")
    assert (chad.m49, chad.ldc, chad.lldc, chad.sids, chad.developing) == \
        ("148", True, True, False, True)
    assert chad.regional_group == "african"
    germany = Country.objects.get(iso2="DE")
    assert germany.developing is False and germany.regional_group == "weog"
    assert germany.local_name("ar") == "ألمانيا"
    assert germany.local_name("zh-hans") == "德国"
    assert Country.objects.get(iso2="FJ").flags == ["SIDS"]


@pytest.mark.shared_data
def test_shipped_countries_match_the_public_sources(shared_data):
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build", root / "scripts/build_countries.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = json.loads((root / "src/openigf/people/data/countries.json").read_text())
    assert build.build(shared_data / "countries") == shipped


@pytest.mark.django_db
def test_countries_carry_the_m49_names_and_no_separate_taiwan():
    assert Country.objects.get(m49="384").name == "Côte d’Ivoire"
    assert not Country.objects.filter(m49="158").exists()
    assert not Country.objects.filter(name__in=["Ivory Coast", "Taiwan"]).exists()


@pytest.mark.django_db
def test_loading_again_renames_and_moves_what_referred_to_a_retired_code():
    Country.objects.filter(m49="384").update(name="Ivory Coast", names={"en": "Ivory Coast"})
    taiwan = Country.objects.create(m49="158", iso2="TW", name="Taiwan")
    person = PersonFactory(country=taiwan)
    assert countries_load() == 248
    person.refresh_from_db()
    assert (person.country_id, Country.objects.get(m49="384").local_name("en")) == (
        "156", "Côte d’Ivoire")
    assert not Country.objects.filter(m49="158").exists()
