import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from openigf.core.audit import audit_log
from openigf.core.models import AuditEntry
from openigf.forums import domain
from openigf.outcomes.models import IgfMessage
from openigf.registration import domain as registration
from openigf.review import domain as review
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    secretariat_of,
)


@pytest.mark.django_db
def test_edition_update_is_logged_with_actor_and_changes():
    edition = EditionFactory(title="IGF 2019")
    person = PersonFactory()
    domain.edition_update(edition=edition, actor=person, title="IGF 2019 Berlin",
                          end_date=datetime.date(2019, 11, 29))
    entry = AuditEntry.objects.get(action="edition.update")
    assert (entry.actor, entry.forum, entry.edition) == (person, edition.forum, edition)
    assert entry.changes == {"title": ["IGF 2019", "IGF 2019 Berlin"]}


@pytest.mark.django_db
def test_nothing_changed_writes_nothing():
    edition = EditionFactory(title="Same")
    domain.edition_update(edition=edition, title="Same")
    assert not AuditEntry.objects.filter(action="edition.update").exists()


@pytest.mark.django_db
def test_a_request_is_attributed_to_the_signed_in_person(client):
    edition = EditionFactory()
    staff = secretariat_of(edition.forum)
    client.force_login(staff)
    response = client.post(f"/{edition.forum.slug}/{edition.slug}/manage/themes/new/",
                           {"name": "Data Governance", "slug": "data", "narrative": "",
                            "colour": "#112233", "order": 0, "tags": "Privacy\nAI",
                            "policy_questions": "Who owns data?"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="theme.create")
    assert entry.actor == staff
    log = client.get(f"/{edition.forum.slug}/{edition.slug}/manage/audit/")
    assert "theme.create" in log.content.decode()


@pytest.mark.django_db
def test_audit_page_shows_only_this_forums_entries(client):
    edition = EditionFactory()
    other = EditionFactory()
    domain.edition_update(edition=other, title="Secret change elsewhere")
    client.force_login(secretariat_of(edition.forum))
    page = client.get(f"/{edition.forum.slug}/{edition.slug}/manage/audit/").content.decode()
    assert "Secret change elsewhere" not in page


@pytest.mark.django_db
def test_admin_changes_are_logged(client):
    admin = PersonFactory(is_staff=True, is_superuser=True)
    edition = EditionFactory()
    client.force_login(admin)
    response = client.post(f"/admin/forums/forum/{edition.forum.pk}/change/", {
        "name": "Renamed forum", "slug": edition.forum.slug, "kind": "global",
        "website": "", "description": "", "regional_group": "", "country": "",
        "language": "en"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEntry.objects.filter(action="forum.admin_change", actor=admin).exists()


@pytest.mark.django_db
def test_exports_of_personal_data_are_audited_with_who_and_how_many(client):
    """The registrations CSV, the badges, the assignments CSV and a person's own export."""
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    for _ in range(3):
        registration.register(edition=edition, person=PersonFactory())
    now = timezone.now()
    review.round_save(edition=edition, opens_at=now, closes_at=now + datetime.timedelta(days=9),
                      reviews_per_proposal=2, by_theme=False)
    staff = secretariat_of(edition.forum)
    client.force_login(staff)

    client.get(reverse("registration:csv", kwargs=edition.url_kwargs))
    client.get(reverse("review:csv", kwargs=edition.url_kwargs))
    client.get("/me/export/")

    exports = list(AuditEntry.objects.filter(action__endswith=".export").order_by("id")
                   .values_list("action", "actor", "edition", "changes"))
    assert exports == [
        ("registration.export", staff.pk, edition.pk, {"file": "registrations.csv", "rows": 3}),
        ("review.export", staff.pk, edition.pk, {"file": "assignments.csv", "rows": 0}),
        ("person.export", staff.pk, None, {}),
    ]


@pytest.mark.django_db
def test_audit_page_shows_changes_as_labelled_old_and_new_values(client):
    edition = EditionFactory(title="IGF 2019")
    domain.edition_update(edition=edition, title="IGF 2019 Berlin")
    message = IgfMessage.objects.create(edition=edition, theme=ThemeFactory(edition=edition),
                                     text="Fund community networks.")
    audit_log(action="message.status", obj=message,
              changes={"status": ["draft", "comment"], "subheading": ["", "Access"],
                       "reason_given": True, "sessions": [[], [7, 9]]})
    client.force_login(secretariat_of(edition.forum))
    html = client.get(f"/{edition.forum.slug}/{edition.slug}/manage/audit/").content.decode()
    assert "<li>Title: IGF 2019 → IGF 2019 Berlin</li>" in html
    lines = set(re.findall(r"<li>([^<]*)</li>", html.split("<code>message.status</code>")[1]
                           .split("</ul>")[0]))  # in the order the database keeps them
    assert lines == {"Status: Draft → Open for public comment", "Sub-heading: — → Access",
                     "Reason given: yes", "Sessions it comes from: — → 7, 9"}
    assert "{&#x27;" not in html  # no raw dictionaries
