"""Pages of the call: the overview and CSV (public, no contact data), the proposers' form with
people and live rules, the speakers' confirmation, the Secretariat's screening and calls."""

import csv
import datetime
import io
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from openigf.forums.models import Edition
from openigf.proposals import models
from openigf.proposals.domain import confirm_token
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.models import Call, Proposal
from openigf.proposals.queries import gender_shown
from openigf.proposals.screening import RULES
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    secretariat_of,
)
from tests.proposals.factories import CallFactory, ProposalFactory, complete, person_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition)


def url(name, edition, **kwargs):
    return reverse(f"proposals:{name}", kwargs={**edition.url_kwargs, **kwargs})


def many(call, n):
    theme = ThemeFactory(edition=call.edition)
    for i in range(n):
        p = complete(ProposalFactory(call=call, theme=theme,
                                     status=ProposalStatus.SCREENED_IN if i % 2 else "submitted"))
        p.tags.create(edition=call.edition, name=f"Tag {p.pk}")


def test_overview_lists_received_proposals_without_emails(client, call):
    complete(ProposalFactory(call=call, title="Community networks"))
    ProposalFactory(call=call, title="Secret draft", status="draft")
    response = client.get(url("overview", call.edition))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Community networks" in html and "Secret draft" not in html
    assert "@" not in html.split("<main", 1)[1]


def test_overview_filters_by_type_theme_and_status(client, call):
    theme = ThemeFactory(edition=call.edition, slug="data")
    ProposalFactory(call=call, title="In theme", theme=theme)
    ProposalFactory(call=call, title="Other")
    forum = CallFactory(edition=call.edition, kind="open_forum")
    ProposalFactory(call=forum, title="An open forum", status="screened_in")
    def titles(query):
        response = client.get(url("overview", call.edition) + query)
        return [p.title for p in response.context["proposals"]]

    assert titles("?theme=data") == ["In theme"]
    assert titles("?kind=open_forum&status=screened_in") == ["An open forum"]
    assert titles("?kind=nonsense") == ["An open forum", "In theme", "Other"]


@pytest.mark.parametrize("size", [2, 6])
def test_overview_and_csv_run_a_fixed_number_of_queries(client, call, size,
                                                        django_assert_max_num_queries):
    many(call, size)
    with django_assert_max_num_queries(6):
        assert client.get(url("overview", call.edition)).status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(url("csv", call.edition)).status_code == 200


def test_csv_has_one_row_per_proposal_and_no_contact_data(client, call):
    many(call, 3)
    ProposalFactory(call=call, status="withdrawn")
    response = client.get(url("csv", call.edition))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 4
    assert rows[1][rows[0].index("speakers")] == "3"
    assert not [c for c in rows[0] if "female" in c or "male" in c or "gender" in c]
    assert "@" not in response.content.decode()


def test_secretariat_screening_list_fixed_queries_and_filters(client, call,
                                                              django_assert_max_num_queries):
    client.force_login(secretariat_of(call.edition.forum))
    many(call, 2)
    with django_assert_max_num_queries(13):
        client.get(url("screening_list", call.edition))
    many(call, 5)
    bad = complete(ProposalFactory(call=call, title="All men"), genders=("male", "male"))
    with django_assert_max_num_queries(13):
        response = client.get(url("screening_list", call.edition) + "?outcome=blocking")
    assert [r["proposal"].id for r in response.context["rows"]] == [bad.pk]
    response = client.get(url("screening_list", call.edition) + "?rule=speaker_gender")
    assert [r["proposal"].id for r in response.context["rows"]] == [bad.pk]


def test_secretariat_screens_out_with_a_reason(client, call):
    client.force_login(secretariat_of(call.edition.forum))
    proposal = ProposalFactory(call=call)
    response = client.post(url("screen", call.edition, proposal_id=proposal.pk),
                           {"decision": "out", "reason": ""})
    assert "Give the reason the proposers will read." in response.content.decode()
    client.post(url("screen", call.edition, proposal_id=proposal.pk),
                {"decision": "out", "reason": "Incomplete."})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.screening_note) == ("screened_out", "Incomplete.")


def test_similar_page_shows_same_text_side_by_side(client, call):
    client.force_login(secretariat_of(call.edition.forum))
    text = "Cross-border data flows, privacy and trade in Africa and Latin America."
    a = ProposalFactory(call=call, title="Data flows in Africa", description=text)
    b = ProposalFactory(call=call, title="Data flows: Africa", description=text + " Again.")
    ProposalFactory(call=call, title="Child safety", description="Children online.")
    pairs = client.get(url("similar", call.edition)).context["pairs"]
    assert [{p["a"].id, p["b"].id} for p in pairs] == [{a.pk, b.pk}]


def test_draft_created_then_typed_values_kept_when_over_the_word_limit(client, call):
    person = PersonFactory()
    client.force_login(person)
    call.word_limit = 3
    call.save()
    response = client.post(url("create", call.edition, call_kind="workshop"),
                           {"title": "My workshop", "description": "one two three four"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The description has 4 words; the limit is 3." in html
    assert "one two three four" in html and "My workshop" in html
    response = client.post(url("create", call.edition, call_kind="workshop"),
                           {"title": "My workshop", "description": "one two",
                            "write_in_tags": "Quantum, Space"})
    proposal = Proposal.objects.get()
    assert response.url == url("edit", call.edition, proposal_id=proposal.pk)
    assert sorted(proposal.tags.values_list("name", flat=True)) == ["Quantum", "Space"]


def test_submit_failing_a_rule_shows_it_and_keeps_the_text(client, call):
    person = PersonFactory()
    client.force_login(person)
    theme = ThemeFactory(edition=call.edition)
    proposal = complete(ProposalFactory(call=call, created_by=person, status="draft",
                                        theme=theme), genders=("male", "male", "male"))
    data = {"title": "Edited title", "theme": theme.pk, "description": "Short text.",
            "format": "", "duration": "90", "submit": "1"}
    response = client.post(url("edit", call.edition, proposal_id=proposal.pk), data)
    html = response.content.decode()
    assert "This field is required to submit." in html  # format, at its field
    assert "Edited title" in html
    data["format"] = "panel"
    response = client.post(url("edit", call.edition, proposal_id=proposal.pk), data)
    assert "same gender" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title) == ("draft", "Edited title")


def test_people_added_with_htmx_refreshes_the_rules(client, call):
    person = PersonFactory()
    client.force_login(person)
    proposal = ProposalFactory(call=call, created_by=person, status="draft")
    response = client.post(url("people", call.edition, proposal_id=proposal.pk), {
        "role": "speaker", "name": "Ana Lima", "email": "ana@example.net",
        "stakeholder_group": "academia", "gender": "female", "onsite": "on"},
        HTTP_HX_REQUEST="true")
    assert response["HX-Trigger"] == "peopleChanged"
    assert "Ana Lima" in response.content.decode()
    rules = client.get(url("rules", call.edition, proposal_id=proposal.pk),
                       HTTP_HX_REQUEST="true").content.decode()
    assert "1 of the speakers" not in rules and "0 of the speakers have confirmed" in rules
    response = client.post(url("people", call.edition, proposal_id=proposal.pk), {
        "role": "speaker", "name": "No mail"}, HTTP_HX_REQUEST="true")
    assert "need an e-mail address" in response.content.decode()


def test_co_organiser_named_by_email_can_edit(client, call):
    proposal = ProposalFactory(call=call)
    person_row(proposal, role="organiser", name="Co", email="co@example.org")
    co = PersonFactory(email="co@example.org")
    client.force_login(co)
    assert client.get(url("edit", call.edition, proposal_id=proposal.pk)).status_code == 200
    client.force_login(PersonFactory())
    assert client.get(url("edit", call.edition, proposal_id=proposal.pk)).status_code == 403


def test_changes_after_the_deadline_are_refused_with_the_deadline(client, call):
    person = PersonFactory()
    proposal = ProposalFactory(call=call, created_by=person)
    Call.objects.filter(pk=call.pk).update(
        closes_at=datetime.datetime(2019, 4, 12, 21, 59, tzinfo=datetime.UTC),
        opens_at=datetime.datetime(2019, 3, 1, tzinfo=datetime.UTC))
    client.force_login(person)
    response = client.post(url("edit", call.edition, proposal_id=proposal.pk),
                           {"title": "Late change"})
    assert "closed on Fri 12 Apr 2019, 23:59 CEST" in response.content.decode()


def test_speaker_confirms_through_the_link_without_account(client, call):
    row = person_row(ProposalFactory(call=call), name="Sam", email="sam@example.net")
    link = url("confirm", call.edition, invitation=confirm_token(row))
    assert "Sam, you are named as Speaker" in client.get(link).content.decode()
    client.post(link, {"answer": "yes"})
    row.refresh_from_db()
    assert row.confirmed
    bad = client.get(url("confirm", call.edition, invitation="nonsense")).content.decode()
    assert "not valid or has expired" in bad


def test_withdraw(client, call):
    person = PersonFactory()
    proposal = ProposalFactory(call=call, created_by=person)
    client.force_login(person)
    client.post(url("withdraw", call.edition, proposal_id=proposal.pk))
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"
    assert client.get(url("detail", call.edition, proposal_id=proposal.pk)).status_code == 200
    client.logout()
    assert client.get(url("detail", call.edition, proposal_id=proposal.pk)).status_code == 302


def test_secretariat_configures_a_call_and_its_rules(client, edition):
    client.force_login(secretariat_of(edition.forum))
    data = {"kind": "lightning_talk", "introduction": "", "opens_at": "2019-03-01T09:00",
            "closes_at": "2019-06-01T23:59", "durations": "20, 30", "word_limit": 200,
            "fields": ["tags"]}

    for rule in RULES.values():
        data[f"rule_{rule.key}_severity"] = rule.severity
        for name, (default, _label) in rule.params.items():
            data[f"rule_{rule.key}_{name}"] = default
    data["rule_speaker_sessions_enabled"] = "on"
    data["rule_speaker_sessions_maximum"] = 2
    response = client.post(url("call_new", edition), data)
    assert response.status_code == 302, response.context["form"].errors
    call = Call.objects.get(edition=edition)
    assert (call.durations, call.fields) == ([20, 30], ["tags"])
    assert call.rules["speaker_sessions"] == {"enabled": True, "severity": "block",
                                              "maximum": 2}
    assert call.rules["speaker_gender"]["enabled"] is False
    response = client.post(url("call_questions", edition, call_kind="lightning_talk"),
                           {"text": "Your demo?", "kind": "short", "order": 1})
    assert call.questions.get().text == "Your demo?"


def test_durations_field_rejects_words(client, edition):
    client.force_login(secretariat_of(edition.forum))
    response = client.post(url("call_new", edition), {"kind": "workshop",
                                                      "durations": "an hour"})
    assert "Give minutes separated by commas" in response.content.decode()


def test_overview_of_unpublished_edition_hidden(client, edition):
    Edition.objects.filter(pk=edition.pk).update(published=False)
    assert client.get(url("overview", edition)).status_code in (302, 403, 404)


def test_background_paper_limited_in_type_and_size(client, call, settings):
    call.fields = ["background_paper"]
    call.save()
    person = PersonFactory()
    client.force_login(person)
    bad = SimpleUploadedFile("paper.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(url("create", call.edition, call_kind="workshop"),
                           {"title": "With a paper", "background_paper": bad})
    assert "File extension “exe” is not allowed" in response.content.decode()
    big = SimpleUploadedFile("paper.pdf", b"%PDF" + b"0" * models.BACKGROUND_PAPER_MAX_BYTES)
    response = client.post(url("create", call.edition, call_kind="workshop"),
                           {"title": "With a paper", "background_paper": big})
    assert "The file is larger than 5 MB." in response.content.decode()
    good = SimpleUploadedFile("paper.pdf", b"%PDF-1.4 small")
    client.post(url("create", call.edition, call_kind="workshop"),
                {"title": "With a paper", "background_paper": good})
    assert Proposal.objects.get().background_paper.name.endswith(".pdf")


def test_screen_in_every_passing_proposal_of_closed_calls(client, call):
    closed = CallFactory(edition=call.edition, kind="open_forum",
                         closes_at=timezone.now() - datetime.timedelta(days=1),
                         opens_at=timezone.now() - datetime.timedelta(days=60))
    good = complete(ProposalFactory(call=closed))
    bad = complete(ProposalFactory(call=closed), genders=("male", "male"))
    still_open = complete(ProposalFactory(call=call))
    client.force_login(secretariat_of(call.edition.forum))
    client.post(url("screen_passing", call.edition))
    statuses = dict(Proposal.objects.values_list("id", "status"))
    assert statuses == {good.pk: "screened_in", bad.pk: "submitted",
                        still_open.pk: "submitted"}


def test_person_changed_in_place(client, call):
    person = PersonFactory()
    client.force_login(person)
    proposal = ProposalFactory(call=call, created_by=person, status="draft")
    row = person_row(proposal, name="Ana Lima", email="ana@example.net", gender="female")
    page = client.get(url("edit", call.edition, proposal_id=proposal.pk) + f"?person={row.pk}")
    assert "Change Ana Lima" in page.content.decode()
    assert page.context["person_form"].initial["email"] == "ana@example.net"
    client.post(url("person", call.edition, proposal_id=proposal.pk, proposal_person_id=row.pk),
                {"role": "moderator", "name": "Ana Lima", "email": "ana@example.net",
                 "gender": "female", "onsite": "on"})
    row.refresh_from_db()
    assert (row.role, row.onsite) == ("moderator", True)


def test_rules_checked_on_unsaved_organisation(client, call):
    person = PersonFactory()
    client.force_login(person)
    for _i in range(3):
        ProposalFactory(call=call, organisation="Busy Org")
    proposal = ProposalFactory(call=call, created_by=person, status="draft",
                               organisation="Quiet Org")
    rules_url = url("rules", call.edition, proposal_id=proposal.pk)
    assert "Busy Org" not in client.get(rules_url, HTTP_HX_REQUEST="true").content.decode()
    html = client.post(rules_url, {"organisation": "Busy Org"},
                       HTTP_HX_REQUEST="true").content.decode()
    assert "The organisation Busy Org has 3 proposals of this type already." in html
    proposal.refresh_from_db()
    assert proposal.organisation == "Quiet Org"


def test_the_same_person_cannot_hold_a_role_twice_and_a_duplicate_can_be_removed(client,
                                                                                 call):
    person = PersonFactory(email="pro@example.org")
    client.force_login(person)
    proposal = ProposalFactory(call=call, created_by=person, status="draft")
    person_row(proposal, name="Ana Lima", email="ana@example.net", gender="female")
    data = {"role": "speaker", "name": "Ana Lima", "email": "ANA@example.net",
            "gender": "female", "onsite": "on"}
    response = client.post(url("people", call.edition, proposal_id=proposal.pk), data)
    html = response.content.decode()
    assert response.status_code == 200 and '<ul class="errorlist" id="id_email_error">' \
        '<li>Already named as speaker.</li></ul>' in html
    assert proposal.people.filter(role="speaker").count() == 1
    data["role"] = "moderator"  # another role is fine
    client.post(url("people", call.edition, proposal_id=proposal.pk), data)
    assert proposal.people.filter(email__iexact="ana@example.net").count() == 2
    # A duplicate of the proposer made before this rule: the proposer removes it.
    twice = person_row(proposal, person, role="organiser")
    page = client.get(url("edit", call.edition, proposal_id=proposal.pk)).content.decode()
    own = proposal.people.filter(person=person).order_by("pk").first()
    def remove(row):
        return 'action="{}"'.format(url("person", call.edition, proposal_id=proposal.pk,
                                        proposal_person_id=row.pk))

    assert remove(twice) in page and remove(own) not in page
    assert 'class="actions"' in page and 'class="people"' in page
    client.post(url("person", call.edition, proposal_id=proposal.pk,
                    proposal_person_id=twice.pk), {"remove": "1"})
    assert list(proposal.people.filter(person=person)) == [own]


def test_a_screened_in_proposal_stays_editable_until_the_deadline_and_says_so(client, call):
    person = PersonFactory()
    client.force_login(person)
    proposal = complete(ProposalFactory(call=call, created_by=person, status="screened_in"))
    detail = client.get(proposal.get_absolute_url()).content.decode()
    assert url("edit", call.edition, proposal_id=proposal.pk) in detail
    assert "You can change this proposal, screened in or not, until the call closes" in detail
    response = client.post(url("edit", call.edition, proposal_id=proposal.pk), {
        "title": "A new title", "description": proposal.description, "format": "roundtable",
        "duration": 90, "theme": proposal.theme_id or "", "organisation": "Org"})
    proposal.refresh_from_db()
    assert response.status_code == 302 and proposal.title == "A new title"
    assert proposal.status == "screened_in"


def test_public_statistics_never_let_a_named_speakers_gender_be_deduced(client, call):


    # One proposal whose three speakers are all women: its page names them, so no count by
    # gender may be published for it, in the CSV or the statistics.
    complete(ProposalFactory(call=call, title="Only women"), genders=("female",) * 3)
    overview = client.get(url("overview", call.edition))
    assert "spk-gender" not in {c.slug for c in overview.context["stats"]["charts"]}
    assert "too small to keep each named speaker" in overview.content.decode()
    text = client.get(url("csv", call.edition)).content.decode()
    assert "female" not in text and "speakers_male" not in text
    assert not gender_shown(Counter(female=30, male=3), proposals=20)  # a cell of 3
    assert not gender_shown(Counter(female=40, male=0), proposals=20)  # everyone the same
    assert not gender_shown(Counter(female=30, male=30), proposals=9)  # too few proposals
    assert gender_shown(Counter(female=30, male=25, **{"": 2}), proposals=20) is False
    assert gender_shown(Counter(female=30, male=25, **{"": 0}), proposals=20)
