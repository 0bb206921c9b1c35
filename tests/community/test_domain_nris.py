"""Recognition, annual reports and the lapse of initiatives."""

import datetime

import pytest

from openigf.community.domain import nris as domain
from openigf.community.enums import NriStatus, RequestStatus
from openigf.community.tasks import nri_lapse_all
from openigf.core.errors import ApplicationError, NotAllowed
from openigf.core.models import AuditEntry
from openigf.outbox.models import OutboxMail
from tests.community.factories import AnnualReportFactory, InitiativeFactory
from tests.factories import ForumFactory, PersonFactory, country, secretariat_of

pytestmark = pytest.mark.django_db
ALL_PRINCIPLES = ["open", "transparent", "inclusive", "bottom_up", "multistakeholder",
                  "non_commercial"]
TEAM = [{"name": "A", "organisation": "Ministry", "stakeholder_group": "government"},
        {"name": "B", "organisation": "NGO", "stakeholder_group": "civil_society"},
        {"name": "C", "organisation": "ISP", "stakeholder_group": "private_sector"}]


def request(forum, person, team=TEAM, principles=ALL_PRINCIPLES):
    return domain.initiative_request_recognition(
        forum=forum, person=person, name="Kenya IGF", kind="national", country=country("KE"),
        principles=principles, first_meeting="Nairobi, 2019, 120 people.", team=team)


def test_request_creates_the_initiative_with_its_focal_point_and_tells_the_secretariat():
    forum = ForumFactory(slug="igf")
    secretariat = secretariat_of(forum, email="sec@example.org")
    person = PersonFactory()
    req = request(forum, person)
    initiative = req.initiative
    assert (initiative.status, initiative.slug, initiative.regional_group) == (
        NriStatus.REQUESTED, "kenya-igf", "african")
    assert list(initiative.focal_points.all()) == [person]
    assert req.criteria() == {"principles": True, "missing_principles": [], "team": True,
                              "team_groups": ["Civil society", "Government", "Private sector"],
                              "focal_point": True}
    assert list(OutboxMail.objects.values_list("to", flat=True)) == [secretariat.email]


def test_approval_recognises_and_mails_the_focal_point():
    forum = ForumFactory(slug="igf")
    person = PersonFactory(email="fp@example.org")
    req = request(forum, person)
    domain.recognition_decide(request=req, decision=RequestStatus.APPROVED,
                              today=datetime.date(2019, 6, 1))
    req.initiative.refresh_from_db()
    assert (req.initiative.status, req.initiative.recognised_on) == (
        NriStatus.RECOGNISED, datetime.date(2019, 6, 1))
    assert OutboxMail.objects.filter(to="fp@example.org").count() == 1
    assert AuditEntry.objects.filter(action="nri.recognise").count() == 1


def test_approval_is_refused_when_the_team_has_two_stakeholder_groups():
    forum = ForumFactory(slug="igf")
    req = request(forum, PersonFactory(), team=TEAM[:2])
    with pytest.raises(ApplicationError, match="criteria"):
        domain.recognition_decide(request=req, decision=RequestStatus.APPROVED)
    domain.recognition_decide(request=req, decision=RequestStatus.RETURNED,
                              note="Add a third stakeholder group.")
    req.initiative.refresh_from_db()
    assert req.initiative.status == NriStatus.REQUESTED


def test_returning_a_request_needs_a_note():
    req = request(ForumFactory(slug="igf"), PersonFactory())
    with pytest.raises(ApplicationError) as exc:
        domain.recognition_decide(request=req, decision=RequestStatus.DECLINED, note=" ")
    assert exc.value.fields == {"note": "Tell the focal point why."}


def test_initiative_without_the_report_of_the_closed_year_lapses():
    fine = InitiativeFactory(name="Fine IGF")
    AnnualReportFactory(initiative=fine, year=2019)
    late = InitiativeFactory(name="Late IGF")
    late.focal_points.add(PersonFactory(email="late@example.org"))
    AnnualReportFactory(initiative=late, year=2018)
    young = InitiativeFactory(name="Young IGF", recognised_on=datetime.date(2019, 8, 1))
    lapsed = domain.initiatives_lapse_overdue(forum=fine.forum,
                                              today=datetime.date(2020, 4, 1))
    assert [i.name for i in lapsed] == ["Late IGF"]
    late.refresh_from_db()
    young.refresh_from_db()
    assert (late.status, late.lapsed_year, young.status) == (
        NriStatus.LAPSED, 2019, NriStatus.RECOGNISED)
    assert OutboxMail.objects.get().to == "late@example.org"


def test_nothing_lapses_before_the_deadline():
    initiative = InitiativeFactory()
    AnnualReportFactory(initiative=initiative, year=2018)
    assert domain.initiatives_lapse_overdue(forum=initiative.forum,
                                            today=datetime.date(2020, 3, 31)) == []


def test_filing_the_missing_report_reinstates_a_lapsed_initiative():
    initiative = InitiativeFactory(status=NriStatus.LAPSED, lapsed_year=2019)
    domain.annual_report_file(initiative=initiative, year=2019, meeting_start=datetime.date(
        2019, 10, 1), meeting_end=datetime.date(2019, 10, 2), venue="Online",
        participants=10, participants_online=50, topics="Access")
    initiative.refresh_from_db()
    assert (initiative.status, initiative.lapsed_year) == (NriStatus.RECOGNISED, None)


def test_a_report_meeting_outside_its_year_is_refused_at_the_field():
    initiative = InitiativeFactory()
    with pytest.raises(ApplicationError) as exc:
        domain.annual_report_file(initiative=initiative, year=2019, meeting_start=datetime.date(
            2018, 10, 1), meeting_end=datetime.date(2018, 10, 2), venue="Online",
            topics="Access")
    assert list(exc.value.fields) == ["meeting_start"]


@pytest.mark.django_db
def test_the_daily_task_lapses_overdue_initiatives_of_every_registry():
    late = InitiativeFactory(name="Late IGF", recognised_on=datetime.date(2015, 1, 1))
    AnnualReportFactory(initiative=late, year=2015)
    assert nri_lapse_all() == 1
    late.refresh_from_db()
    assert late.status == NriStatus.LAPSED


def test_a_focal_point_cannot_change_the_type_of_the_initiative():
    initiative = InitiativeFactory(name="Kenya IGF")
    focal = PersonFactory()
    initiative.focal_points.add(focal)
    with pytest.raises(NotAllowed):
        domain.initiative_update(initiative=initiative, actor=focal, kind="youth",
                                 name="Renamed IGF")
    initiative.refresh_from_db()
    assert (initiative.kind, initiative.name) == ("national", "Kenya IGF")
    changed = domain.initiative_update(initiative=initiative, actor=focal, kind="national",
                                       name="Renamed IGF")
    assert changed == {"name": ["Kenya IGF", "Renamed IGF"]}
    staff = secretariat_of(initiative.forum)
    assert domain.initiative_update(initiative=initiative, actor=staff, kind="youth") == {
        "kind": ["national", "youth"]}


def test_only_the_secretariat_removes_a_focal_point():
    initiative = InitiativeFactory()
    first, second = PersonFactory(), PersonFactory()
    initiative.focal_points.add(first, second)
    with pytest.raises(NotAllowed):
        domain.initiative_focal_point_remove(initiative=initiative, person=second, actor=first)
    staff = secretariat_of(initiative.forum)
    domain.initiative_focal_point_remove(initiative=initiative, person=second, actor=staff)
    assert list(initiative.focal_points.all()) == [first]
