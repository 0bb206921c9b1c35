"""Read the forms of a page as a browser would, and fill them in as a person would.

``forms_of(html)`` returns each ``<form>`` with its fields and the values a browser shows
(a value the browser refuses, such as ``2019-06-03 00:00:00`` in a ``datetime-local`` input,
shows as empty, as in Chromium). ``form.data()`` is what submitting it unchanged sends;
``changed(field)`` is another valid-looking value for a field.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

# What a browser accepts as the value of these inputs (anything else shows as empty).
VALID = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "number": re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"),
}
UNSENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "select-multiple" or "textarea"
    attrs: dict
    values: list[str] = field(default_factory=list)  # shown (selected / checked) values
    options: list[str] = field(default_factory=list)  # select options, checkbox/radio values

    @property
    def choice(self) -> bool:
        return self.kind in ("select", "select-multiple", "checkbox", "radio")


@dataclass
class Form:
    attrs: dict
    fields: dict[str, Field] = field(default_factory=dict)
    buttons: list[dict] = field(default_factory=list)

    def data(self) -> dict[str, list[str]]:
        """What the browser sends for the form as shown."""
        return {name: list(f.values) for name, f in self.fields.items()
                if f.kind not in UNSENT and (f.values or f.kind not in ("checkbox", "radio",
                                                                         "select-multiple"))}

    def shown(self) -> dict[str, list[str]]:
        return {name: sorted(f.values) for name, f in self.fields.items()
                if f.kind not in UNSENT and name != "csrfmiddlewaretoken"}


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.option: dict | None = None
        self.textarea: Field | None = None

    def _field(self, name, kind, attrs) -> Field:
        existing = self.form.fields.get(name)
        if existing is None:
            existing = self.form.fields[name] = Field(name, kind, attrs)
        return existing

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.form = Form(attrs)
            self.forms.append(self.form)
        if self.form is None:
            return
        name = attrs.get("name")
        if tag == "button" and attrs.get("type", "submit") == "submit":
            self.form.buttons.append(attrs)
        elif tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "image"):
                self.form.buttons.append(attrs)
                return
            f = self._field(name, kind, attrs)
            if kind in ("checkbox", "radio"):
                value = attrs.get("value", "on")
                f.options.append(value)
                if "checked" in attrs:
                    f.values.append(value)
            else:
                value = attrs.get("value", "")
                f.values = [value if kind not in VALID or VALID[kind].match(value) else ""]
        elif tag == "select" and name:
            self.select = self._field(name, "select-multiple" if "multiple" in attrs
                                      else "select", attrs)
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "selected": "selected" in attrs,
                           "text": ""}
        elif tag == "textarea" and name:
            self.textarea = self._field(name, "textarea", attrs)
            self.textarea.values = [""]

    def handle_data(self, data):
        if self.option is not None:
            self.option["text"] += data
        elif self.textarea is not None:
            self.textarea.values[0] += data

    def _close_option(self):
        if self.option is not None and self.select is not None:
            value = self.option["value"]
            value = self.option["text"].strip() if value is None else value
            self.select.options.append(value)
            if self.option["selected"]:
                self.select.values.append(value)
        self.option = None

    def handle_endtag(self, tag):
        if tag == "option":
            self._close_option()
        elif tag == "select" and self.select is not None:
            self._close_option()
            if self.select.kind == "select" and not self.select.values and self.select.options:
                self.select.values = [self.select.options[0]]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # A newline right after <textarea> is not part of the value.
            value = self.textarea.values[0]
            self.textarea.values[0] = value[1:] if value.startswith("\n") else value
            self.textarea.values[0] = self.textarea.values[0].replace("\r\n", "\n")
            self.textarea = None
        elif tag == "form":
            self.form = None


def forms_of(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def form_with(html: str, name: str) -> Form:
    """The form of the page holding a field called ``name``."""
    for form in forms_of(html):
        if name in form.fields:
            return form
    raise AssertionError(f"no form with a field {name!r} on the page")


def changed(f: Field, tag: str = "changed") -> list[str] | None:
    """Another value for ``f`` a person might type or pick; None where there is none."""
    old = f.values[0] if f.values else ""
    maxlength = int(f.attrs.get("maxlength") or 0) or None
    if f.kind in ("text", "search", "tel", "textarea"):
        new = f"{old} {tag}".strip() if old else f"{tag} {f.name}"
        if maxlength and len(new) > maxlength:
            new = (old[: maxlength - 1] + "x") if old and not old.endswith("x") else (
                old[: maxlength - 1] + "y")
        return [new]
    if f.kind == "email":
        return [f"{tag}-{f.name.replace('_', '-')}@example.org"]
    if f.kind == "url":
        return [f"https://{tag}.example.org/{f.name}"]
    if f.kind == "number":
        return [_number(old, f.attrs)]
    # An empty date is filled in; an end ("closes", "end") a week after a start.
    later = datetime.timedelta(days=7 if re.search("clos|end", f.name) else 0)
    if f.kind == "date":
        day = datetime.date.fromisoformat(old) if old else datetime.date(2019, 6, 1) + later
        return [(day + datetime.timedelta(days=1)).isoformat()]
    if f.kind == "datetime-local":
        when = (datetime.datetime.fromisoformat(old) if old
                else datetime.datetime(2019, 6, 1, 9) + later)
        return [(when + datetime.timedelta(days=1, hours=1)).strftime("%Y-%m-%dT%H:%M")]
    if f.kind == "checkbox" and len(f.options) == 1:
        return [] if f.values else list(f.options)
    if f.kind in ("checkbox", "select-multiple"):
        missing = [o for o in f.options if o and o not in f.values]
        return [*f.values, missing[0]] if missing else f.values[:-1]
    if f.kind in ("select", "radio"):
        others = [o for o in f.options if o and o not in f.values]
        return [others[0]] if others else None
    return None


def _number(old: str, attrs: dict) -> str:
    try:
        value = Decimal(old) if old else Decimal(attrs.get("min") or 0)
    except InvalidOperation:
        value = Decimal(0)
    step = Decimal(1)
    new = value + step
    if attrs.get("max") not in (None, "") and new > Decimal(attrs["max"]):
        new = value - step
    exponent = value.as_tuple().exponent if old else 0
    return str(new.quantize(Decimal(1).scaleb(exponent))) if exponent < 0 else str(int(new))
