import pytest
from django.core.exceptions import ValidationError

from openigf.forums.domain import forum_create
from tests.factories import EditionFactory, ForumFactory


@pytest.mark.django_db
def test_unknown_forum_is_a_404_page_naming_it(client):
    response = client.get("/nosuchforum/")
    assert response.status_code == 404
    assert "nosuchforum" in response.content.decode()


@pytest.mark.django_db
def test_unknown_edition_is_a_404_page_naming_it(client):
    EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    response = client.get("/igf/1999/")
    assert response.status_code == 404
    assert "1999" in response.content.decode()


@pytest.mark.django_db
def test_edition_resolves_into_the_request(client):
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019, title="IGF 2019 Berlin")
    response = client.get("/igf/2019/")
    assert response.status_code == 200
    assert response.wsgi_request.edition == edition
    assert response.wsgi_request.forum == edition.forum


@pytest.mark.django_db
def test_edition_of_another_forum_is_not_found(client):
    EditionFactory(forum=ForumFactory(slug="afigf"), year=2018)
    ForumFactory(slug="igf")
    assert client.get("/igf/2018/").status_code == 404


@pytest.mark.django_db
def test_unpublished_edition_is_hidden_from_the_public(client):
    EditionFactory(forum=ForumFactory(slug="igf"), year=2020, published=False)
    response = client.get("/igf/2020/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_reserved_slugs_cannot_name_a_forum():
    with pytest.raises(ValidationError) as error:
        forum_create(slug="search", name="Search", kind="national")
    assert "slug" in error.value.message_dict
