"""The one domain error and the helper that shows it on a form."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from openigf.core import textlimits
from openigf.core.errors import ApplicationError, add_to_form, refusal_from, validate
from openigf.forums.models import Forum
from openigf.people.models import Person


class NoteForm(forms.Form):
    title = forms.CharField(required=False)
    note = forms.CharField(required=False)


def _bound():
    form = NoteForm({"title": "A", "note": "B"})
    assert form.is_valid()
    return form


def test_add_to_form_puts_each_message_at_its_field_and_the_rest_above_the_form():
    form = _bound()
    add_to_form(form, ApplicationError("Refused.", fields={"note": "Say why.",
                                                           "elsewhere": "Not here."}))
    assert form.errors == {"note": ["Say why."], "__all__": ["Not here."]}


def test_add_to_form_places_a_refusal_without_fields_where_asked():
    form = _bound()
    add_to_form(form, ApplicationError("Too late."), field="title")
    assert form.errors == {"title": ["Too late."]}
    form = _bound()
    add_to_form(form, ApplicationError("Too late."))
    assert form.non_field_errors() == ["Too late."]


def test_add_to_form_renames_fields():
    form = _bound()
    add_to_form(form, ApplicationError("No.", fields={"text": ["Too long."]}),
                names={"text": "note"})
    assert form.errors == {"note": ["Too long."]}


def test_refusal_from_keeps_the_fields_of_a_validation_error():
    error = refusal_from(ValidationError({"name": ["Too short."], "__all__": ["Clash."]}))
    assert (error.message, error.fields) == ("Too short. Clash.", {
        "name": ["Too short."], "__all__": ["Clash."]})
    assert refusal_from(ValidationError("Plain.")).fields == {}


@pytest.mark.django_db
def test_validate_refuses_with_an_application_error_naming_the_field():
    with pytest.raises(ApplicationError) as refused:
        validate(Forum(name="", slug="x y"))
    assert {"name", "slug"} <= set(refused.value.fields)


@pytest.mark.django_db
def test_validate_refuses_a_text_longer_than_its_field_allows():
    """Django checks a TextField's max_length only in forms; domain writes (the API's too)
    refuse it as well."""
    person = Person(email="long@example.org", name="Long", biography="x" * 1_000_000)
    with pytest.raises(ApplicationError) as refused:
        validate(person, exclude=["password"])
    assert list(refused.value.fields) == ["biography"]
    assert str(textlimits.TEXT) in refused.value.fields["biography"][0].replace(",", "")
