import pytest

from openigf.people.models import Country


@pytest.mark.django_db
def test_m49_countries_are_loaded_with_their_flags_and_groups():
    members = Country.objects.filter(un_member=True)
    assert Country.objects.count() == 249
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
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build", root / "scripts/build_countries.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = json.loads((root / "src/openigf/people/data/countries.json").read_text())
    assert build.build(shared_data / "countries") == shipped
