"""Reads of the call for issues used by several pages: public results, the CSV, the inputs the
engine groups. Nothing here returns personal data (name, address, organisation, account)."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from openigf.consultation.models import Input
from openigf.core.charts import breakdown
from openigf.people.enums import RegionalGroup, StakeholderGroup

# What the public pages and the CSV show of an input, and nothing more.
PUBLIC_FIELDS = ("id", "text", "language", "stakeholder_group", "regional_group",
                 "country__name", "category__name", "created")


def public_inputs(edition):
    return (Input.objects.published().filter(edition=edition)
            .order_by("created", "id").values(*PUBLIC_FIELDS))


def figures(edition) -> list:
    """Counts of the published inputs by category, stakeholder group, UN regional group and
    development status, as :class:`core.charts.Breakdown` (two queries)."""
    published = Input.objects.published().filter(edition=edition)
    by = {"stakeholder_group": {}, "regional_group": {}, "category": {}}
    for row in published.values("stakeholder_group", "regional_group", "category__name") \
            .annotate(n=Count("id")):
        for key, field in (("stakeholder_group", "stakeholder_group"),
                           ("regional_group", "regional_group"), ("category", "category__name")):
            value = row[field] or ""
            by[key][value] = by[key].get(value, 0) + row["n"]
    status = published.aggregate(
        total=Count("id"), developing=Count("id", filter=Q(country__developing=True)),
        ldc=Count("id", filter=Q(country__ldc=True)),
        lldc=Count("id", filter=Q(country__lldc=True)),
        sids=Count("id", filter=Q(country__sids=True)))
    total = status.pop("total")
    categories = [(c.name, c.name) for c in edition.issue_categories.all()]
    return [
        breakdown(_("Inputs by category"), by["category"], choices=categories, slug="category",
                  unknown_label=_("No category")),
        breakdown(_("Inputs by stakeholder group"), by["stakeholder_group"],
                  choices=StakeholderGroup.choices, slug="group"),
        breakdown(_("Inputs by UN regional group"), by["regional_group"],
                  choices=RegionalGroup.choices, slug="region"),
        breakdown(_("Inputs from developing countries, LDCs, LLDCs and SIDS"), status,
                  choices=[("developing", _("Developing countries")),
                           ("ldc", _("Least developed countries (LDC)")),
                           ("lldc", _("Landlocked developing countries (LLDC)")),
                           ("sids", _("Small island developing states (SIDS)"))],
                  total=total, slug="development"),
    ]


def svg_bars(chart, *, width: int = 640, row: int = 28, label_width: int = 260) -> dict:
    """Geometry of a horizontal bar chart of ``chart`` drawn as SVG on the server: one row per
    bar, bars scaled to the largest count."""
    top = max((bar.count for bar in chart.bars), default=0) or 1
    span = width - label_width - 60
    rows = [{"y": i * row, "text_y": i * row + row // 2, "bar_y": i * row + 6,
             "bar_height": row - 12, "label": bar.label, "count": bar.count,
             "x": label_width, "width": round(span * bar.count / top, 1),
             "count_x": label_width + round(span * bar.count / top, 1) + 6}
            for i, bar in enumerate(chart.bars)]
    return {"chart": chart, "rows": rows, "width": width, "height": max(row, row * len(rows))}
