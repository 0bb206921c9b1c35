"""Bad input is a 400 with a message before any query runs, on every page."""

import pytest

from openigf.people.models import Person
from tests.factories import EditionFactory, ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(forum=ForumFactory(slug="igf"))


@pytest.mark.parametrize("path", ["/igf/2019/proposals/?theme=a%00b", "/search/?q=%00",
                                  "/igf/2019/sessions/?q%00=1", "/igf%00/"])
def test_a_nul_byte_in_the_address_is_refused(client, edition, path):
    response = client.get(path)
    assert (response.status_code, "NUL" in response.content.decode()) == (400, True)


def test_a_nul_byte_in_a_form_field_is_refused_and_nothing_changes(client, edition):
    person = PersonFactory(name="Before")
    client.force_login(person)
    response = client.post("/me/", {"name": "After\x00", "stakeholder_group": "academia"})
    assert response.status_code == 400
    assert Person.objects.get(pk=person.pk).name == "Before"


def test_a_nul_byte_in_a_cookie_is_refused(client, edition):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/igf/2019/").status_code == 400


def test_a_5000_digit_number_is_refused(client, edition):
    response = client.get("/igf/2019/proposals/?page=" + "9" * 5000)
    assert (response.status_code, "digits" in response.content.decode()) == (400, True)
