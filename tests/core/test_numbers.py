"""Figures people read are grouped and written the way their language writes them; ids,
years and values in attributes stay plain digits (``core.numbers``, ``{% load figures %}``)."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from openigf.core import charts, numbers

NNBSP, NBSP = "\u202f", "\xa0"
SOURCE = Path(numbers.__file__).resolve().parents[1]


@pytest.mark.parametrize(("language", "count", "amount", "share"), [
    ("en", "1,234,567", "1,234.50", "42.5%"),
    ("ar", "1,234,567", "1,234.50", "42.5%"),
    ("zh-hans", "1,234,567", "1,234.50", "42.5%"),
    ("fr", f"1{NNBSP}234{NNBSP}567", f"1{NNBSP}234,50", f"42,5{NBSP}%"),
    ("ru", f"1{NBSP}234{NBSP}567", f"1{NBSP}234,50", f"42,5{NBSP}%"),
    ("es", "1.234.567", "1.234,50", f"42,5{NBSP}%"),
])
def test_figures_are_grouped_as_each_language_groups_them(language, count, amount, share):
    with translation.override(language):
        assert numbers.figure(1234567) == count
        assert numbers.figure(Decimal("1234.5"), 2) == amount
        assert numbers.percent(42.5, 1) == share


def test_arabic_figures_keep_the_latin_digits_of_its_dates():
    with translation.override("ar"):
        assert re.fullmatch(r"[0-9,.%]+", numbers.figure(1234567.25, 2) +
                            numbers.percent(7))


def test_what_is_not_a_number_is_left_as_it_is():
    assert numbers.figure(None) is None
    assert numbers.figure("–") == "–"
    assert numbers.figure(True) is True
    assert numbers.figure("2500", language="es") == "2.500"


def test_a_page_groups_its_figures_and_keeps_years_ids_and_attributes_plain():
    template = Template('{% load figures %}<a href="/e/{{ year }}/" data-id="{{ pk }}">'
                        '{{ year }}</a> <td class="num">{{ n|figure }}</td> {{ pk }}')
    with translation.override("es"):
        html = template.render(Context({"year": 2019, "pk": 12345, "n": 12345}))
    assert html == ('<a href="/e/2019/" data-id="12345">2019</a> '
                    '<td class="num">12.345</td> 12345')


def test_the_thousand_separator_is_never_put_by_django_itself():
    """One mechanism: the filter. Django's own grouping stays off, so a number written into
    an attribute, a URL, a form value, JSON or CSV is never grouped."""
    assert settings.USE_THOUSAND_SEPARATOR is False


def test_headline_tables_and_charts_group_their_figures():
    headline = {"registered": 12345, "onsite": 8000, "online": 4345, "checked_in": 7001,
                "countries": 170, "member_states": 150}
    chart = charts.breakdown("Registrations", {"gov": 1500, "cs": 500},
                             choices=[("gov", "Government"), ("cs", "Civil society")])
    with translation.override("fr"):
        html = render_to_string("analytics/includes/headline.html", {"headline": headline})
        bars = render_to_string("core/includes/breakdown.html", {"chart": chart})
        line = charts.line_chart("Participants", [2018, 2019], [("All", [900, 12000])])
    assert f"<dd>12{NNBSP}345</dd>" in html and f"<dd>7{NNBSP}001</dd>" in html
    assert f'<td class="num">1{NNBSP}500</td>' in bars and f"75,0{NBSP}%" in bars
    assert f"2{NNBSP}000" in bars
    assert [label for _y, label in line.y_ticks][-1] == f"15{NNBSP}000"
    assert [label for _x, label in line.x_labels] == [2018, 2019]


# A figure in a table cell goes through the filter; these cells hold what is not a
# quantity (a year, a rank, a term's number, a heading).
NOT_QUANTITIES = re.compile(r"year|last_seen|rank|term|label|columns|currency|unit|translate")


def test_every_figure_of_a_table_cell_goes_through_the_filter():
    unformatted = []
    for path in [*SOURCE.rglob("templates/**/*.html"), *SOURCE.rglob("templates/**/*.txt")]:
        text = path.read_text()
        for cell in re.findall(r'<td class="num">(.*?)</td>', text):
            for expression in re.findall(r"\{\{ *([^}]*?) *\}\}", cell):
                if not re.search(r"\|(figure|percent)\b", expression) and \
                        not NOT_QUANTITIES.search(expression):
                    unformatted.append(f"{path.relative_to(SOURCE)}: {expression}")
        if re.search(r"\|(figure|percent)\b", text) and \
                not re.search(r"\{% load [^%]*\bfigures\b", text):
            unformatted.append(f"{path.relative_to(SOURCE)}: figures not loaded")
        if re.search(r"\|intcomma|floatformat:\"0g\"|load [^%]*humanize", text):
            unformatted.append(f"{path.relative_to(SOURCE)}: Django's own grouping")
    assert unformatted == []
