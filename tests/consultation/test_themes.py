"""Theme discovery: grouping as a job, versions, edits by the Secretariat and the MAG,
adoption as the edition's themes offered by the call for proposals."""

import pytest

from openigf.consultation import themes
from openigf.consultation.models import Grouping
from openigf.core.errors import Conflict
from openigf.core.models import Job
from openigf.forums.models import PolicyQuestion, Theme
from openigf.proposals.forms import ProposalForm
from tests.algorithms.test_themes import IGF
from tests.consultation.factories import add_input, open_edition
from tests.factories import PersonFactory, mag_member_of, secretariat_of
from tests.proposals.factories import CallFactory

pytestmark = pytest.mark.django_db

COUNTRIES = {"1": "GB", "2": "FR", "3": "AR", "4": "CN", "5": "EG", "6": "RU"}
LANGUAGES = {"1": "en", "2": "fr", "3": "es", "4": "zh", "5": "ar", "6": "ru"}


@pytest.fixture
def edition():
    edition = open_edition()
    for key, text in IGF:
        add_input(edition, text, iso2=COUNTRIES[key[1]], language=LANGUAGES[key[1]],
                  group="government" if key[0] == "s" else "civil_society",
                  name=f"Sender {key}", email=f"{key}@example.org")
    return edition


def _url(edition, rest=""):
    return f"/{edition.forum.slug}/{edition.slug}/call-for-issues/themes/{rest}"


def _by_language_theme(grouping):
    """For each theme, the set of topic letters of its inputs (d, i, s)."""
    made = themes.makeup(grouping)
    return sorted(sorted({i.email[0] for i in made[t.pk]["inputs"]})
                  for t in grouping.themes.all())


def test_secretariat_groups_the_inputs_as_a_job_and_reads_the_themes(client, edition):
    client.force_login(secretariat_of(edition.forum))
    page = client.get(_url(edition)).content.decode()
    assert "Suggested:" not in page and "Suggest a number of themes" in page
    response = client.post(_url(edition, "suggest/"))
    job = Job.objects.get()
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.status == "done" and job.result["summary"] == "Suggested: 3 themes."
    page = client.get(_url(edition)).content.decode()
    assert "Suggested: 3 themes." in page and "stability" in page
    assert "Suggest a number of themes" not in page
    response = client.post(_url(edition, "discover/"), {"k": 3})
    job = Job.objects.exclude(pk=job.pk).get()
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.status == "done" and "18 inputs grouped into 3 themes" in job.result["summary"]
    grouping = Grouping.objects.get()
    assert _by_language_theme(grouping) == [["d"], ["i"], ["s"]]
    page = client.get(_url(edition)).content.decode()
    assert "Version 1" in page and "data protection" in page
    assert "<caption>By UN regional group</caption>" in page
    assert "Sender d1" not in page and "d1@example.org" not in page


def test_k_larger_than_the_inputs_is_refused_with_the_reason(client, edition):
    client.force_login(secretariat_of(edition.forum))
    response = client.post(_url(edition, "discover/"), {"k": 19})
    assert "Choose between 1 and 18 themes: there are 18 published inputs." in \
        response.content.decode()
    assert Job.objects.count() == 0


def test_mag_member_edits_each_change_a_new_version_and_old_ones_stay(client, edition):
    mag = mag_member_of(edition)
    v1 = themes.grouping_discover(edition=edition, k=3)
    client.force_login(mag)
    data = next(t for t in v1.themes.all() if "data protection" in t.terms)
    access = next(t for t in v1.themes.all() if "access and connectivity" in t.terms)
    security = next(t for t in v1.themes.all() if "cybersecurity" in t.terms)
    client.post(_url(edition, f"{v1.pk}/{data.pk}/rename/"), {"name": "Data Governance"})
    v2 = Grouping.objects.get(version=2)
    assert "Data Governance" in [t.name for t in v2.themes.all()]
    assert "Data Governance" not in [t.name for t in v1.themes.all()]  # v1 is kept as it was
    moving = [p.input_id for p in v2.placements.filter(theme__name=access.name)[:2]]
    target = v2.themes.get(name=security.name)
    client.post(_url(edition, f"{v2.pk}/move/"), {"inputs": moving, "to": target.pk})
    v3 = Grouping.objects.get(version=3)
    assert set(v3.placements.filter(input_id__in=moving).values_list("theme__name", flat=True)) \
        == {security.name}
    assert v3.placements.filter(theme__name=security.name).count() == 8
    stale = client.post(_url(edition, f"{v2.pk}/move/"), {"inputs": moving, "to": target.pk})
    assert stale.status_code == 302 and Grouping.objects.count() == 3  # old version: refused
    with pytest.raises(Conflict):
        themes.inputs_move(grouping=v2, input_ids=moving, to=target)
    secure = v3.themes.get(name=security.name)
    client.post(_url(edition, f"{v3.pk}/{secure.pk}/split/"))
    v4 = Grouping.objects.get(version=4)
    assert v4.themes.count() == 4 and v4.placements.filter(theme=None).count() == 0
    parts = list(v4.themes.filter(name__startswith=security.name))
    client.post(_url(edition, f"{v4.pk}/{parts[1].pk}/merge/"), {"into": parts[0].pk})
    v5 = Grouping.objects.get(version=5)
    assert v5.themes.count() == 3 and v5.placements.filter(theme__name=security.name).count() == 8
    page = client.get(_url(edition) + "?version=1").content.decode()
    assert "An earlier version, shown as it was." in page


def test_participant_may_not_see_or_change_the_themes(client, edition):
    grouping = themes.grouping_discover(edition=edition, k=3)
    theme = grouping.themes.first()
    client.force_login(PersonFactory())
    assert client.get(_url(edition)).status_code == 403
    assert client.post(_url(edition, f"{grouping.pk}/{theme.pk}/rename/"),
                       {"name": "Mine"}).status_code == 403
    assert Grouping.objects.count() == 1


def test_adopting_makes_the_edition_themes_offered_by_the_call_for_proposals(client, edition):
    grouping = themes.grouping_discover(edition=edition, k=3)
    theme = next(t for t in grouping.themes.all() if "data protection" in t.terms)
    grouping = themes.theme_rename(grouping=grouping, theme=theme, name="Data Governance")
    theme = grouping.themes.get(name="Data Governance")
    grouping = themes.theme_texts_save(grouping=grouping, theme=theme,
                                       narrative="Data flows and their rules.",
                                       questions="Who governs data?\nHow do data cross borders?")
    client.force_login(secretariat_of(edition.forum))
    preview = client.get(_url(edition, f"{grouping.pk}/adopt/")).content.decode()
    assert "Data Governance" in preview and "A new theme" in preview
    assert Theme.objects.filter(edition=edition).count() == 0  # a preview changes nothing
    client.post(_url(edition, f"{grouping.pk}/adopt/"))
    client.post(_url(edition, f"{grouping.pk}/adopt/"))  # twice: nothing more
    adopted = Theme.objects.get(edition=edition, slug="data-governance")
    assert (adopted.narrative, Theme.objects.filter(edition=edition).count()) == \
        ("Data flows and their rules.", 3)
    assert list(PolicyQuestion.objects.filter(theme=adopted).values_list("text", flat=True)) \
        == ["Who governs data?", "How do data cross borders?"]
    grouping.refresh_from_db()
    assert grouping.adopted_at is not None
    call = CallFactory(edition=edition)
    offered = [t.name for t in ProposalForm(call=call).fields["theme"].queryset]
    assert "Data Governance" in offered and len(offered) == 3


def test_mag_member_may_not_adopt(client, edition):
    grouping = themes.grouping_discover(edition=edition, k=3)
    client.force_login(mag_member_of(edition))
    assert client.post(_url(edition, f"{grouping.pk}/adopt/")).status_code == 403
    assert Theme.objects.filter(edition=edition).count() == 0
