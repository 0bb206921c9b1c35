"""Every date-and-time field of every form of the project, in the edition's zone: submitting it
unchanged changes nothing, and what is typed is what is shown.

The forms are discovered (every form class of ``openigf`` with a ``DateTimeField``), not
listed: a new one is checked without a word here. Each is shown as a browser shows it
(``tests/htmlforms.py``: a value a ``datetime-local`` input refuses shows as empty), in a zone
with summer time (Europe/Berlin) and in one far from UTC (Pacific/Auckland).
"""

import datetime
import importlib
import inspect
import pkgutil
import zoneinfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import openigf
from tests.factories import EditionFactory
from tests.htmlforms import forms_of
from tests.proposals.factories import CallFactory

ZONES = ["Europe/Berlin", "Pacific/Auckland"]


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def datetime_forms() -> list[type]:
    """Every form class of the project with at least one date-and-time field."""
    for module in pkgutil.walk_packages(openigf.__path__, "openigf."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "pages", "staff", "portal", "public"):
            importlib.import_module(module.name)
    found = {cls for cls in _all_subclasses(forms.BaseForm)
             if cls.__module__.startswith("openigf.")
             and any(isinstance(f, forms.DateTimeField) for f in cls.base_fields.values())}
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _arguments(cls, world) -> dict:
    """The keyword arguments ``cls`` needs, from the objects of the test."""
    needed = [p for p in inspect.signature(cls.__init__).parameters.values()
              if p.kind == p.KEYWORD_ONLY and p.default is p.empty]
    missing = [p.name for p in needed if p.name not in world]
    assert not missing, f"{cls.__qualname__} needs {missing}: add them to the world below"
    return {p.name: world[p.name] for p in needed}


def _datetime_fields(form) -> list[str]:
    return [name for name, f in form.fields.items() if isinstance(f, forms.DateTimeField)]


def shown(form, name) -> str:
    """The value a browser shows in the field."""
    field = forms_of(f"<form>{form[name]}</form>")[0].fields[form.add_prefix(name)]
    return field.values[0] if field.values else ""


def submitted(cls, kwargs, name, text, initial=None):
    """The field's value after the form showing ``initial`` is submitted with ``text`` in the
    field, and whether the form counts it as a change."""
    prefixed = cls(**kwargs).add_prefix(name)
    form = cls(data={prefixed: text}, initial={name: initial} if initial else {}, **kwargs)
    bound = form[name]
    return bound.field.clean(bound.data), name in form.changed_data


@pytest.fixture
def world(db):
    edition = EditionFactory()
    return {"edition": edition, "call": CallFactory(edition=edition), "questions": (),
            "proposals": [], "initiatives": [], "template": None, "kind": "short",
            "person": None}


def test_the_project_has_forms_with_date_and_time_fields():
    names = {cls.__qualname__ for cls in datetime_forms()}
    assert {"EditionForm", "CallForm", "RoundForm", "PlaceForm"} <= names


minutes = st.datetimes(min_value=datetime.datetime(2000, 1, 1),
                       max_value=datetime.datetime(2040, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("cls", datetime_forms(), ids=lambda cls: cls.__qualname__)
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instant=minutes.map(lambda d: d.replace(tzinfo=datetime.UTC)), typed=minutes)
# The second 02:30 of the night clocks go back (Berlin, then Auckland), and a time the night
# clocks go forward skips (Berlin, then Auckland).
@example(instant=datetime.datetime(2019, 10, 27, 1, 30, tzinfo=datetime.UTC),
         typed=datetime.datetime(2019, 3, 31, 2, 30))
@example(instant=datetime.datetime(2019, 4, 6, 14, 30, tzinfo=datetime.UTC),
         typed=datetime.datetime(2019, 9, 29, 2, 30))
def test_a_datetime_field_shows_and_keeps_what_is_typed(world, cls, zone, instant, typed):
    kwargs = _arguments(cls, world)
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        for name in _datetime_fields(cls(**kwargs)):
            assert zone in str(cls(**kwargs).fields[name].label), "the label names the zone"
            # Submitted unchanged, a stored time stays the same instant.
            text = shown(cls(initial={name: instant}, **kwargs), name)
            assert text, f"{cls.__qualname__}.{name}: the browser shows nothing"
            assert submitted(cls, kwargs, name, text, initial=instant) == (instant, False)
            # What is typed (where the zone's clocks show it) is what is shown afterwards.
            typed_text = typed.strftime("%Y-%m-%dT%H:%M")
            try:
                value, _changed = submitted(cls, kwargs, name, typed_text)
            except ValidationError:
                assert not _exists_once(typed, zone), f"{typed_text} refused"
                continue
            assert shown(cls(initial={name: value}, **kwargs), name) == typed_text


def _exists_once(naive: datetime.datetime, zone: str) -> bool:
    """Whether the zone's clocks show ``naive`` exactly once (not skipped, not repeated)."""
    tz = zoneinfo.ZoneInfo(zone)
    first, second = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    round_trip = first.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None)
    return first.utcoffset() == second.utcoffset() and round_trip == naive
