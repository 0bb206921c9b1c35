"""The site icon."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_site_icon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Content-Type"]) == (
        200, "image/vnd.microsoft.icon")
    assert response.content[:4] == b"\x00\x00\x01\x00"
    page = client.get("/").content.decode()
    assert 'rel="icon" href="/favicon.ico"' in page
