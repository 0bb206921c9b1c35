import datetime
import zoneinfo

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from openigf.core import when
from openigf.core.forms import ZonedDateTimeField
from openigf.core.tenancy import TenancyMiddleware
from tests.factories import EditionFactory

UTC = datetime.UTC
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_when_formats_in_the_active_zone_with_its_label():
    nine_utc = datetime.datetime(2019, 11, 25, 9, 0, tzinfo=UTC)
    with timezone.override(BERLIN), translation.override("en"):
        assert when.format_datetime(nine_utc) == "Mon 25 Nov 2019, 10:00 CET"
        assert when.format_time(nine_utc) == "10:00 CET"
        assert when.format_date(nine_utc) == "Mon 25 Nov 2019"
        end = nine_utc + datetime.timedelta(minutes=90)
        assert when.format_span(nine_utc, end) == "Mon 25 Nov 2019, 10:00–11:30 CET"


def test_when_labels_summer_time_and_zones_without_abbreviation():
    noon = datetime.datetime(2019, 7, 1, 10, 0, tzinfo=UTC)
    with timezone.override(BERLIN), translation.override("en"):
        assert when.format_time(noon) == "12:00 CEST"
    with timezone.override(zoneinfo.ZoneInfo("Asia/Riyadh")), translation.override("en"):
        assert when.format_time(noon) == "13:00 UTC+03:00"


def test_when_uses_one_format_per_language():
    nine_utc = datetime.datetime(2019, 11, 25, 9, 0, tzinfo=UTC)
    with timezone.override(BERLIN), translation.override("zh-hans"):
        assert when.format_datetime(nine_utc).startswith("2019年11月25日")
    with timezone.override(BERLIN), translation.override("fr"):
        assert when.format_datetime(nine_utc).endswith("10:00 CET")


def test_when_html_offers_the_viewers_own_time():
    nine_utc = datetime.datetime(2019, 11, 25, 9, 0, tzinfo=UTC)
    with timezone.override(BERLIN), translation.override("en"):
        html = Template("{% load when %}{% when_html t %}").render(Context({"t": nine_utc}))
    assert html.startswith('<time datetime="2019-11-25T10:00+01:00" data-when')
    assert "Mon 25 Nov 2019, 10:00 CET</time>" in html


@pytest.mark.django_db
def test_tenancy_activates_the_editions_zone_for_the_request_only():
    edition = EditionFactory(timezone="Pacific/Auckland")
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()

    middleware = TenancyMiddleware(lambda request: middleware.process_view(
        request, view, (), {"forum": edition.forum.slug, "edition": edition.slug}) or view(request))
    middleware(RequestFactory().get("/"))
    assert seen["zone"] == "Pacific/Auckland"
    assert timezone.get_current_timezone_name() == "UTC"


class _Form(forms.Form):
    closes = ZonedDateTimeField(label="Call closes")


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Pacific/Auckland", "America/Sao_Paulo"])
def test_zoned_field_what_is_shown_is_what_comes_back(zone):
    stored = datetime.datetime(2027, 1, 31, 22, 59, tzinfo=UTC)
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        shown = _Form(initial={"closes": stored})["closes"].value()
        typed = _Form(initial={"closes": stored})["closes"].field.widget.format_value(shown)
        form = _Form(data={"closes": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["closes"] == stored
        assert zone in str(form.fields["closes"].label)


def test_zoned_field_refuses_a_time_that_does_not_exist_in_the_zone():
    with timezone.override(BERLIN):
        form = _Form(data={"closes": "2027-03-28T02:30"})  # clocks jump from 02:00 to 03:00
        assert not form.is_valid() and "closes" in form.errors
