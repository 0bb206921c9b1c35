"""ETags on every read; the API's root leads to its documentation."""

import pytest

from tests.factories import EditionFactory, ForumFactory

pytestmark = pytest.mark.django_db


def test_a_read_answers_304_to_its_etag(client):
    EditionFactory(forum=ForumFactory(slug="igf"))
    first = client.get("/api/v1/igf/2019/")
    again = client.get("/api/v1/igf/2019/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (first.status_code, again.status_code, again.content) == (200, 304, b"")
    assert "Authorization" in first["Vary"]
    changed = client.get("/api/v1/igf/2019/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_the_root_leads_to_the_documentation_served_without_a_cdn(client):
    root = client.get("/api/v1/")
    assert (root.status_code, root["Location"]) == (302, "/api/v1/docs/")
    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert 'data-openapi="/api/v1/openapi.json"' in page
