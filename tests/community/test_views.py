"""Pages of the community registry: who sees what, forms, warnings, query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openigf.community.enums import NriStatus
from openigf.community.models import Initiative, Recommendation
from openigf.forums.models import Membership
from tests.community.factories import (
    AnnualReportFactory,
    BpfFactory,
    CoalitionFactory,
    DonorFactory,
    InitiativeFactory,
    PledgeFactory,
    RecommendationFactory,
    coalition_with_members,
)
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    country,
    mag_member_of,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def igf():
    return ForumFactory(slug="igf", name="Internet Governance Forum")


@pytest.mark.parametrize("size", [1, 4])
def test_nri_directory_runs_a_fixed_number_of_queries(client, igf, django_assert_num_queries,
                                                      size):
    for i in range(size):
        InitiativeFactory(forum=igf, country=country(["KE", "BR", "DE", "JP"][i]))
    InitiativeFactory(forum=igf, kind="regional", country=None, region_name="Africa")
    with django_assert_num_queries(2):
        response = client.get("/igf/community/nris/")
    assert response.status_code == 200


def test_nri_directory_counts_and_maps_only_listed_initiatives(client, igf):
    InitiativeFactory(forum=igf, name="Kenya IGF", country=country("KE"))
    InitiativeFactory(forum=igf, name="Youth IGF Kenya", kind="youth", country=country("KE"))
    InitiativeFactory(forum=igf, name="Lapsed IGF", status=NriStatus.LAPSED)
    InitiativeFactory(forum=igf, name="Pending IGF", status=NriStatus.REQUESTED)
    response = client.get("/igf/community/nris/?kind=nonsense")
    charts = {c.slug: {b.key: b.count for b in c.bars} for c in response.context["charts"]}
    assert charts["nri-kind"] == {"national": 1, "subregional": 0, "regional": 0, "youth": 1}
    kenya = next(c for c in response.context["map"]["countries"] if c["id"] == "404")
    assert (kenya["level"], kenya["initiatives"]) == (2, ["Kenya IGF", "Youth IGF Kenya"])
    html = response.content.decode()
    assert "Pending IGF" not in html and "Lapsed IGF" not in html
    assert 'role="img"' in html and "By country" in html


def test_a_focal_point_cannot_edit_another_initiative(client, igf):
    mine, theirs = InitiativeFactory(forum=igf), InitiativeFactory(forum=igf)
    person = PersonFactory()
    mine.focal_points.add(person)
    client.force_login(person)
    assert client.get(f"/igf/community/nris/{mine.slug}/edit/").status_code == 200
    assert client.get(f"/igf/community/nris/{theirs.slug}/edit/").status_code == 403
    response = client.post(f"/igf/community/nris/{theirs.slug}/edit/", {"name": "Hijacked"})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.name != "Hijacked"


def test_a_pending_initiative_is_hidden_from_the_public(client, igf):
    pending = InitiativeFactory(forum=igf, status=NriStatus.REQUESTED)
    assert client.get(f"/igf/community/nris/{pending.slug}/").status_code == 302


def test_recognition_request_keeps_input_and_names_the_team_error(client, igf):
    client.force_login(PersonFactory())
    data = {"name": "Atlantis IGF", "kind": "national", "first_meeting": "Soon",
            "principles": ["open"], "team-TOTAL_FORMS": "6", "team-INITIAL_FORMS": "0"}
    response = client.post("/igf/community/nris/request/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["country"] == ["A national initiative has a "
                                                          "country."]
    assert response.context["team"].non_form_errors() == ["Name the members of the "
                                                          "organising team."]
    assert 'value="Atlantis IGF"' in response.content.decode()
    assert Initiative.objects.count() == 0


def test_mag_change_that_breaks_a_rule_is_saved_with_a_warning(client):
    edition = EditionFactory(forum=ForumFactory(slug="igf"))
    client.force_login(secretariat_of(edition.forum))
    PersonFactory(email="gov@example.org", stakeholder_group="government")
    response = client.post("/igf/2019/community/manage/mag/",
                           {"email": "gov@example.org", "seat": "member"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert Membership.objects.filter(person__email="gov@example.org", role="mag").exists()
    assert "Saved, but: Governments hold 1 of 1 seats, more than 40%." in messages


@pytest.mark.parametrize("size", [1, 4])
def test_mag_roster_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    edition = EditionFactory(forum=ForumFactory(slug="igf"))
    EditionFactory(forum=edition.forum, year=2018, slug="2018")
    for _ in range(size):
        mag_member_of(edition)
    with django_assert_num_queries(6):
        assert client.get("/igf/2019/community/mag/").status_code == 200


def test_rotation_preview_with_htmx_returns_the_check_only(client):
    edition = EditionFactory(forum=ForumFactory(slug="igf"))
    member = mag_member_of(edition, gender="male")
    client.force_login(secretariat_of(edition.forum))
    response = client.post("/igf/2019/community/manage/mag/rotation/",
                           {"preview": "1", f"decision-{member.pk}": "leave", "newcomers": ""},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="plan-check"') and "1 members rotate out" in html


@pytest.mark.parametrize("size", [1, 4])
def test_coalition_list_runs_a_fixed_number_of_queries(client, igf, django_assert_num_queries,
                                                       size):
    EditionFactory(forum=igf)
    for _ in range(size):
        coalition_with_members(forum=igf)
    with django_assert_num_queries(4):
        assert client.get("/igf/community/coalitions/").status_code == 200


def test_proposed_coalition_is_visible_to_its_coordinator_only(client, igf):
    coalition = CoalitionFactory(forum=igf, status="proposed")
    assert client.get(f"/igf/community/coalitions/{coalition.slug}/").status_code == 302
    client.force_login(PersonFactory())
    assert client.get(f"/igf/community/coalitions/{coalition.slug}/").status_code == 403


@pytest.mark.parametrize("size", [1, 4])
def test_improvements_list_runs_a_fixed_number_of_queries(client, igf,
                                                          django_assert_num_queries, size):
    for i in range(size):
        RecommendationFactory(forum=igf, source=f"S{i}").tags.create(forum=igf, name=f"t{i}")
    with django_assert_num_queries(8):
        assert client.get("/igf/community/improvements/?status=bogus").status_code == 200


def test_improvements_import_names_the_failing_line_and_imports_nothing(client, igf):
    client.force_login(secretariat_of(igf))
    csv = (b"recommendation,category,tags,source,reference,responsible,cost,status,remark\n"
           b"Fine,outcomes,,S,R.1,,,,\nBroken,outcomes,,S,R.2,,,finished,\n")
    response = client.post("/igf/community/improvements/import/",
                           {"file": SimpleUploadedFile("sheet.csv", csv, "text/csv")})
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors[0].startswith("Line 3: “finished” is not a known status")
    assert Recommendation.objects.count() == 0


def test_improvements_csv_export_follows_the_filters(client, igf):
    RecommendationFactory(forum=igf, reference="A", status="implemented")
    RecommendationFactory(forum=igf, reference="B", status="in_progress")
    body = client.get("/igf/community/improvements.csv?status=implemented").content.decode()
    assert [line.split(",")[4] for line in body.splitlines()[1:]] == ["A"]


@pytest.mark.parametrize("size", [1, 4])
def test_donor_list_runs_a_fixed_number_of_queries(client, igf, django_assert_num_queries,
                                                   size):
    for _ in range(size):
        PledgeFactory(donor=DonorFactory(forum=igf))
    with django_assert_num_queries(4):
        assert client.get("/igf/community/donors/?year=x").status_code == 200


def test_donor_figures_are_for_the_secretariat_unless_public(client, igf):
    secret = DonorFactory(forum=igf, name="Quiet Donor", figures_public=False)
    PledgeFactory(donor=secret, amount=123456)
    public = DonorFactory(forum=igf, name="Open Donor", figures_public=True)
    PledgeFactory(donor=public, amount=654321)
    html = client.get(f"/igf/community/donors/{secret.pk}/").content.decode()
    assert "123,456" not in html and "the amounts are not published" in html
    assert "654,321" in client.get(f"/igf/community/donors/{public.pk}/").content.decode()
    listing = client.get("/igf/community/donors/?year=2019").content.decode()
    assert "123,456" not in listing and "amount not published" in listing
    client.force_login(secretariat_of(igf))
    assert "123,456" in client.get(f"/igf/community/donors/{secret.pk}/").content.decode()


def test_bpf_output_needs_a_link_a_document_or_a_summary(client):
    bpf = BpfFactory(edition=EditionFactory(forum=ForumFactory(slug="igf")))
    client.force_login(secretariat_of(bpf.edition.forum))
    response = client.post(f"/igf/2019/community/bpfs/{bpf.slug}/outputs/new/",
                           {"title": "Report", "kind": "final", "published": "2019-12-01"})
    assert response.context["form"].errors["url"] == ["Give a link, a document or a summary."]


def test_filed_report_appears_on_the_initiative_page(client, igf):
    initiative = InitiativeFactory(forum=igf)
    AnnualReportFactory(initiative=initiative, year=2019, venue="Kisumu, Kenya")
    assert "Kisumu, Kenya" in client.get(initiative.get_absolute_url()).content.decode()


def _initiative_form(initiative, **changes):
    data = {"name": initiative.name, "acronym": initiative.acronym, "kind": initiative.kind,
            "country": initiative.country_id or "", "region_name": initiative.region_name,
            "website": initiative.website, "email": initiative.email,
            "mailing_list": initiative.mailing_list, "description": initiative.description}
    return {**data, **changes}


def test_a_focal_point_edit_shows_the_new_description(client, igf):
    initiative = InitiativeFactory(forum=igf, description="Old words.")
    focal = PersonFactory()
    initiative.focal_points.add(focal)
    client.force_login(focal)
    response = client.post(f"/igf/community/nris/{initiative.slug}/edit/",
                           _initiative_form(initiative, description="New words."))
    assert response.status_code == 302
    assert "New words." in client.get(initiative.get_absolute_url()).content.decode()
    initiative.refresh_from_db()
    assert initiative.description == "New words."


def test_a_focal_point_can_neither_retype_an_initiative_nor_remove_focal_points(client, igf):
    initiative = InitiativeFactory(forum=igf, name="Kenya IGF")
    focal, other = PersonFactory(), PersonFactory()
    initiative.focal_points.add(focal, other)
    client.force_login(focal)
    page = client.get(f"/igf/community/nris/{initiative.slug}/edit/").content.decode()
    assert 'name="kind"' not in page and 'name="remove_focal_point"' not in page
    client.post(f"/igf/community/nris/{initiative.slug}/edit/",
                _initiative_form(initiative, kind="youth", name="Kenya Youth IGF"))
    response = client.post(f"/igf/community/nris/{initiative.slug}/edit/",
                           {"remove_focal_point": other.pk}, follow=True)
    assert "Only the Secretariat removes a focal point." in response.content.decode()
    initiative.refresh_from_db()
    assert (initiative.kind, initiative.name, set(initiative.focal_points.all())) == (
        "national", "Kenya Youth IGF", {focal, other})


def test_the_secretariat_retypes_an_initiative_and_removes_a_focal_point(client, igf):
    initiative = InitiativeFactory(forum=igf)
    focal, other = PersonFactory(), PersonFactory()
    initiative.focal_points.add(focal, other)
    client.force_login(secretariat_of(igf))
    page = client.get(f"/igf/community/nris/{initiative.slug}/edit/").content.decode()
    assert 'name="kind"' in page and f'value="{other.pk}"' in page
    client.post(f"/igf/community/nris/{initiative.slug}/edit/", {
        **_initiative_form(initiative, kind="youth"), "regional_group": "african",
        "hosted_forum": ""})
    client.post(f"/igf/community/nris/{initiative.slug}/edit/", {"remove_focal_point": other.pk})
    initiative.refresh_from_db()
    assert (initiative.kind, list(initiative.focal_points.all())) == ("youth", [focal])


def test_the_secretariat_edit_of_a_coalition_shows_the_new_values(client, igf):
    coalition = CoalitionFactory(forum=igf, need="Old need.")
    client.force_login(secretariat_of(igf))
    response = client.post(f"/igf/community/coalitions/{coalition.slug}/edit/", {
        "name": coalition.name, "acronym": "DC-NEW", "need": "A new need.",
        "action_plan": coalition.action_plan, "mailing_list": coalition.mailing_list,
        "website": "", "founded": 2015, "status": coalition.status})
    assert response.status_code == 302
    page = client.get(coalition.get_absolute_url()).content.decode()
    assert "A new need." in page and "DC-NEW" in page
