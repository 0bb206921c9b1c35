"""MAG terms stay on forums.Membership; rules are checked and broken ones reported."""

import re
import subprocess

import pytest
from PIL import Image

from openigf.community import certificates
from openigf.community.domain import mag as domain
from openigf.community.enums import PlanDecision
from openigf.community.queries import mag as queries
from openigf.forums.enums import Role
from openigf.forums.models import Membership
from tests.factories import EditionFactory, ForumFactory, PersonFactory, country, mag_member_of

pytestmark = pytest.mark.django_db


def editions():
    forum = ForumFactory(slug="igf")
    return (EditionFactory(forum=forum, year=2018, host_country=country("FR")),
            EditionFactory(forum=forum, year=2019, host_country=country("DE")))


def test_appointing_a_returning_member_gives_the_next_term_through_membership():
    paris, berlin = editions()
    person = PersonFactory()
    domain.mag_member_add(edition=paris, person=person, term=2)
    term, _result = domain.mag_member_add(edition=berlin, person=person)
    assert term.term == 3
    assert Membership.objects.filter(person=person, role=Role.MAG).count() == 2


def test_a_fourth_term_is_saved_with_a_finding():
    paris, berlin = editions()
    person = PersonFactory(name="Long Server")
    domain.mag_member_add(edition=paris, person=person, term=3)
    term, result = domain.mag_member_add(edition=berlin, person=person)
    assert term.term == 4
    assert "term_limit" in [f.code for f in result.findings]
    assert "More than 3 consecutive terms: Long Server." in queries.finding_messages(
        result, {str(person.pk): person.name})


def test_a_membership_made_elsewhere_has_a_computed_term():
    paris, berlin = editions()
    person = PersonFactory()
    domain.mag_member_add(edition=paris, person=person, term=1)
    mag_member_of(berlin)  # through forums, without a term
    Membership.objects.create(forum=berlin.forum, edition=berlin, person=person, role="mag")
    terms = {line.person.pk: (line.term, line.recorded) for line in queries.roster(berlin)}
    assert terms[person.pk] == (2, False)


def test_removing_a_member_deletes_the_membership_and_its_term():
    paris, _berlin = editions()
    term, _result = domain.mag_member_add(edition=paris, person=PersonFactory())
    domain.mag_member_remove(membership=term.membership)
    assert Membership.objects.filter(role=Role.MAG).count() == 0


def test_plan_apply_appoints_renewals_with_the_next_term_and_newcomers_first():
    paris, berlin = editions()
    stays, leaves, joins = PersonFactory(), PersonFactory(), PersonFactory()
    domain.mag_member_add(edition=paris, person=stays, term=1)
    domain.mag_member_add(edition=paris, person=leaves, term=3)
    domain.mag_plan_save(edition=paris, decisions={stays.pk: PlanDecision.RENEW,
                                                   leaves.pk: PlanDecision.LEAVE},
                         newcomers=[joins])
    domain.mag_plan_apply(edition=paris, next_edition=berlin)
    assert {(line.person.pk, line.term) for line in queries.roster(berlin)} == {
        (stays.pk, 2), (joins.pk, 1)}
    assert [line.person.pk for line in queries.outgoing(paris)] == [leaves.pk]


def test_outgoing_before_next_year_exists_follows_the_plan():
    paris, _berlin = editions()
    person = PersonFactory()
    domain.mag_member_add(edition=paris, person=person)
    assert queries.outgoing(paris) == []
    domain.mag_plan_save(edition=paris, decisions={person.pk: PlanDecision.LEAVE})
    assert [line.person for line in queries.outgoing(paris)] == [person]


def _png(pdf: bytes, tmp_path, name) -> Image.Image:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path),
                    str(tmp_path / name)], check=True)
    return Image.open(tmp_path / f"{name}.png").convert("RGB")


@pytest.mark.slow
@pytest.mark.poppler
def test_certificate_is_one_landscape_a4_page_whose_name_band_differs(tmp_path):
    paris, _berlin = editions()
    lines = []
    for name in ("Ana Pérez", "Wanjiru Kamau-Odhiambo"):
        term, _r = domain.mag_member_add(edition=paris, person=PersonFactory(name=name),
                                         term=3)
        lines.append(next(line for line in queries.roster(paris)
                          if line.membership.pk == term.membership.pk))
    first = _png(certificates.certificate_pdf(lines[0], paris), tmp_path, "a")
    second = _png(certificates.certificate_pdf(lines[1], paris), tmp_path, "b")
    width, height = first.size
    assert (width, height) == (468, 331)  # A4 landscape at 40 dpi
    frame = first.getpixel((width // 2, int(height * 0.06)))
    assert frame[2] > frame[0] + 40, "the blue double frame runs along the top"
    inked = sum(first.convert("L").histogram()[:200])
    assert 0.01 < inked / (width * height) < 0.25
    diff = [(x, y) for y in range(height) for x in range(width)
            if first.getpixel((x, y)) != second.getpixel((x, y))]
    ys = [y for _x, y in diff]
    assert diff and 0.3 * height < min(ys) and max(ys) < 0.6 * height, \
        "only the name (and what follows it on that line) differs"
    text = subprocess.run(["pdftotext", "-", "-"], input=certificates.certificate_pdf(
        lines[0], paris), capture_output=True, check=True).stdout.decode()
    assert "Ana Pérez" in text and "from 2016 to 2018 (3 terms)" in " ".join(text.split())
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificates.certificate_pdf(lines[0], paris))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), "tagged for screen readers"
